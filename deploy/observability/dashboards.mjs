// Checks the Grafana dashboards in deploy/grafana/dashboards and lists their queries (deploy/observability/check.sh,
// live-check.sh).
//
//   node dashboards.mjs check <schema.json>   structure against Grafana's dashboard type (a JSON Schema generated from
//                                             @grafana/schema), then our rules; writes every panel query, variables
//                                             filled in, as a recording-rule file for promtool to parse
//   node dashboards.mjs queries               every panel query as JSON lines, for the live check
//
// Our rules: every panel has a unit, a description and the ${datasource} variable (panel and targets); the dashboard
// has that variable, of type datasource for Prometheus; every rate()/irate() window is $__rate_interval, and
// increase() windows are $__rate_interval or $__range (a total over the chosen period).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const boards = path.join(here, '..', 'grafana', 'dashboards');
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

function dashboards() {
  return fs.readdirSync(boards).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ file, json: JSON.parse(fs.readFileSync(path.join(boards, file), 'utf8')) }));
}

function panelsOf(dashboard) {
  const all = [];
  for (const panel of dashboard.panels ?? []) {
    if (panel.type === 'row') all.push(...(panel.panels ?? []));
    else all.push(panel);
  }
  return all;
}

/** The query as Prometheus would get it from Grafana: variables replaced by values that select everything. */
export function filled(expr) {
  return expr
    .replaceAll('$__rate_interval', '1m')
    .replaceAll('$__range', '1h')
    .replaceAll('$__interval', '15s')
    .replace(/\$\{?(\w+)\}?/g, '.*');
}

function ruleErrors(file, dashboard) {
  const errors = [];
  const vars = dashboard.templating?.list ?? [];
  const ds = vars.find((v) => v.name === 'datasource');
  if (!ds || ds.type !== 'datasource' || ds.query !== 'prometheus') {
    errors.push(`${file}: needs a variable "datasource" of type datasource with query "prometheus"`);
  }
  for (const v of vars.filter((v) => v.type === 'query')) {
    if (JSON.stringify(v.datasource) !== JSON.stringify(DATASOURCE)) errors.push(`${file}: variable ${v.name} must use \${datasource}`);
  }
  const ids = new Set();
  for (const panel of panelsOf(dashboard)) {
    const where = `${file}: panel "${panel.title ?? panel.id}"`;
    if (ids.has(panel.id)) errors.push(`${where}: duplicate id ${panel.id}`);
    ids.add(panel.id);
    if (!panel.title) errors.push(`${where}: no title`);
    if (!panel.description?.trim()) errors.push(`${where}: no description`);
    if (!panel.fieldConfig?.defaults?.unit) errors.push(`${where}: no unit (fieldConfig.defaults.unit)`);
    if (JSON.stringify(panel.datasource) !== JSON.stringify(DATASOURCE)) errors.push(`${where}: datasource must be \${datasource}`);
    if (!panel.targets?.length) errors.push(`${where}: no queries`);
    for (const target of panel.targets ?? []) {
      const at = `${where} query ${target.refId}`;
      if (JSON.stringify(target.datasource) !== JSON.stringify(DATASOURCE)) errors.push(`${at}: datasource must be \${datasource}`);
      if (!target.expr?.trim()) { errors.push(`${at}: no expr`); continue; }
      for (const m of target.expr.matchAll(/\b(rate|irate|increase)\s*\(/g)) {
        const window = windowAfter(target.expr, m.index + m[0].length);
        const allowed = m[1] === 'increase' ? ['$__rate_interval', '$__range'] : ['$__rate_interval'];
        if (!allowed.includes(window)) errors.push(`${at}: ${m[1]}() over [${window}], expected [${allowed.join('] or [')}]`);
      }
    }
  }
  return errors;
}

/** The range of the range vector that the function call starting at `from` takes: the first [...] at depth 0. */
function windowAfter(expr, from) {
  let depth = 0;
  for (let i = from; i < expr.length; i++) {
    const c = expr[i];
    if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') { if (depth === 0) return 'none'; depth--; }
    else if (c === '"') { i = expr.indexOf('"', i + 1); while (expr[i - 1] === '\\') i = expr.indexOf('"', i + 1); }
    else if (c === '[' && depth === 0) return expr.slice(i + 1, expr.indexOf(']', i)).split(':')[0];
  }
  return 'none';
}

function queries() {
  const list = [];
  for (const { file, json } of dashboards()) {
    for (const panel of panelsOf(json)) {
      for (const target of panel.targets ?? []) {
        list.push({ dashboard: json.uid, file, panel: panel.title, refId: target.refId, expr: target.expr, filled: filled(target.expr) });
      }
    }
  }
  return list;
}

async function check(schemaFile, rulesOut) {
  const { default: Ajv } = await import('ajv');
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  const errors = [];
  let panels = 0;
  for (const { file, json } of dashboards()) {
    if (!validate(json)) {
      for (const e of validate.errors) errors.push(`${file}: schema: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    }
    errors.push(...ruleErrors(file, json));
    panels += panelsOf(json).length;
  }
  // Each query becomes a recording rule so that `promtool check rules` parses it with Prometheus' own parser.
  const all = queries();
  const yaml = ['groups:', '  - name: dashboard-queries', '    rules:'];
  all.forEach((q, i) => {
    yaml.push(`      # ${q.file} / ${q.panel} / ${q.refId}`);
    yaml.push(`      - record: dashboard_query_${i}`);
    yaml.push(`        expr: ${JSON.stringify(q.filled)}`);
  });
  fs.writeFileSync(rulesOut, yaml.join('\n') + '\n');
  for (const e of errors) console.error(`  ${e}`);
  console.log(`dashboards: ${dashboards().length} files, ${panels} panels, ${all.length} queries; ${errors.length} problems`);
  return errors.length === 0;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'check') {
  process.exit((await check(args[0], args[1])) ? 0 : 1);
} else if (command === 'queries') {
  for (const q of queries()) console.log(JSON.stringify(q));
} else {
  console.error('usage: node dashboards.mjs check <schema.json> <rules-out.yml> | queries');
  process.exit(2);
}

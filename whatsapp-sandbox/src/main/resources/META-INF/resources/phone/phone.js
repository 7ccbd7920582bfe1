// A citizen's phone for demonstrations: writes to the sandbox as the citizen and shows the conversation, polling it.
// Every message text is untrusted: it is only ever put in the page as textContent.
'use strict';

(() => {
  /** The bundled sample photo (sample.jpg): its SHA-256 in base64, as WhatsApp's image webhooks carry it. */
  const SAMPLE_SHA256 = 'XL4jzFdW/Sy3cyz6Wx24q5esCQjkxBxM04hxZ0FnIg0=';
  const STORE = 'sandbox-phone';
  const POLL_MILLIS = 1000;
  const TICKS = {
    sent: ['✓', 'Sent'],
    delivered: ['✓✓', 'Delivered'],
    read: ['✓✓', 'Read'],
    failed: ['⚠', 'Failed'],
  };

  const $ = (id) => document.getElementById(id);
  const chat = $('chat');
  let number = null;
  let name = '';
  let shown = []; // ids of the items shown, in order
  let generation = 0; // which number's answers are still wanted
  let timer = null;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function notice(text) {
    $('notice').textContent = text || '';
  }

  // ---- which citizen --------------------------------------------------------------------------------------------

  function digits(value) {
    return String(value || '').replace(/[\s+\-()]/g, '');
  }

  function open(newNumber, newName) {
    if (!/^\d{8,15}$/.test(newNumber)) {
      notice('A number is 8 to 15 digits with the country code, e.g. 919876543210');
      return;
    }
    number = newNumber;
    name = (newName || '').trim();
    $('number').value = number;
    $('name').value = name;
    const preset = $('preset');
    preset.value = [...preset.options].some((o) => o.value === number) ? number : '';
    if (location.hash !== '#' + number) history.replaceState(null, '', '#' + number);
    try {
      localStorage.setItem(STORE, JSON.stringify({ number, name }));
    } catch (e) { /* private mode: the fragment still remembers */ }
    $('chat-title').textContent = (name ? name + ' · ' : '') + '+' + number;
    document.title = '+' + number + ' · Citizen\'s phone';
    notice('');
    chat.replaceChildren();
    shown = [];
    generation++;
    poll();
    $('text').focus();
  }

  function remembered() {
    let saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(STORE) || '{}') || {};
    } catch (e) { /* nothing remembered */ }
    const fromHash = digits(decodeURIComponent(location.hash.slice(1)));
    if (fromHash) return { number: fromHash, name: fromHash === saved.number ? saved.name : presetName(fromHash) };
    return saved.number ? saved : null;
  }

  function presetName(value) {
    const option = [...$('preset').options].find((o) => o.value === value);
    return option ? option.dataset.name : '';
  }

  // ---- the conversation -----------------------------------------------------------------------------------------

  async function poll() {
    clearTimeout(timer);
    if (!number) return;
    const wanted = generation;
    try {
      const response = await fetch('/sandbox/citizens/' + number + '/messages', { cache: 'no-store' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const items = await response.json();
      if (wanted === generation) render(items);
    } catch (e) {
      if (wanted === generation) notice('The sandbox does not answer (' + e.message + '); trying again');
    }
    if (wanted === generation) timer = setTimeout(poll, POLL_MILLIS);
  }

  function render(items) {
    if (items.length < shown.length || shown.some((id, i) => items[i].id !== id)) { // the sandbox was reset
      chat.replaceChildren();
      shown = [];
    }
    const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
    for (let i = shown.length; i < items.length; i++) {
      chat.append(item(items[i]));
      shown.push(items[i].id);
    }
    items.forEach((it, i) => ticks(chat.children[i], it));
    if (atBottom && chat.lastElementChild) chat.lastElementChild.scrollIntoView({ block: 'end' });
  }

  function item(it) {
    const mine = it.direction === 'in'; // the citizen's own message
    const li = el('li', 'msg ' + (mine ? 'mine' : 'bot'));
    li.dataset.id = it.id;
    const bubble = el('div', 'bubble');
    const message = it.message || {};
    bubble.append(...(mine ? citizenContent(message) : botContent(it.id, message)));
    const meta = el('div', 'meta');
    const when = new Date(typeof it.timestamp === 'number' ? it.timestamp * 1000 : it.timestamp);
    const time = el('time', '', when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    time.dateTime = when.toISOString();
    time.title = when.toLocaleString();
    meta.append(time, el('span', 'ticks'));
    bubble.append(meta);
    li.append(bubble);
    return li;
  }

  function ticks(li, it) {
    const span = li.querySelector('.ticks');
    const status = it.status || 'pending';
    if (span.dataset.status === status) return;
    span.dataset.status = status;
    const [mark, label] = TICKS[status] || ['🕓', 'Waiting'];
    if (status === 'failed' && it.error) {
      span.textContent = mark + ' ' + it.error.code;
      span.title = 'Failed: ' + it.error.code + ' ' + (it.error.title || '');
    } else {
      span.textContent = mark;
      span.title = label;
    }
    span.setAttribute('aria-label', span.title);
  }

  function citizenContent(m) {
    switch (m.type) {
      case 'text':
        return [el('p', 'text', m.text && m.text.body)];
      case 'interactive': {
        const reply = (m.interactive || {})[m.interactive && m.interactive.type] || {};
        const parts = [el('p', 'text reply', reply.title)];
        if (reply.description) parts.push(el('p', 'muted', reply.description));
        return parts;
      }
      case 'button':
        return [el('p', 'text reply', m.button && (m.button.text || m.button.payload))];
      case 'location':
        return locationContent(m.location || {});
      case 'image': {
        const image = m.image || {};
        const parts = [];
        if (image.sha256 === SAMPLE_SHA256) {
          const img = el('img', 'photo');
          img.src = '/phone/sample.jpg';
          img.alt = 'Photo';
          img.width = 240;
          img.height = 180;
          parts.push(img);
        } else {
          parts.push(el('p', 'muted', '📷 Photo'));
        }
        if (image.caption) parts.push(el('p', 'text', image.caption));
        return parts;
      }
      default:
        return [el('p', 'muted', '[' + m.type + ' message]')];
    }
  }

  function locationContent(loc) {
    const parts = [el('p', 'text', '📍 ' + (loc.name || 'Location'))];
    if (loc.address) parts.push(el('p', 'muted', loc.address));
    parts.push(el('p', 'muted', loc.latitude + ', ' + loc.longitude));
    return parts;
  }

  function botContent(id, m) {
    switch (m.type) {
      case 'text':
        return [el('p', 'text', m.text && m.text.body)];
      case 'interactive':
        return interactive(id, m.interactive || {});
      case 'template':
        return template(m.template || {});
      case 'location':
        return locationContent(m.location || {});
      case 'image': case 'video': case 'audio': case 'document': case 'sticker': {
        const media = m[m.type] || {};
        const parts = [el('p', 'muted', '[' + m.type + (media.filename ? ': ' + media.filename : '') + ']')];
        if (media.caption) parts.push(el('p', 'text', media.caption));
        return parts;
      }
      default:
        return [el('p', 'muted', '[' + m.type + ' message]')];
    }
  }

  function interactive(id, ia) {
    const parts = [];
    if (ia.header && ia.header.type === 'text') parts.push(el('p', 'header', ia.header.text));
    if (ia.body) parts.push(el('p', 'text', ia.body.text));
    if (ia.footer) parts.push(el('p', 'muted', ia.footer.text));
    const action = ia.action || {};
    if (ia.type === 'button') {
      const group = el('div', 'buttons');
      group.setAttribute('role', 'group');
      for (const b of action.buttons || []) {
        const reply = b.reply || {};
        const button = el('button', 'reply', reply.title);
        button.type = 'button';
        button.addEventListener('click', () => send({
          context: { id },
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: reply.id, title: reply.title } },
        }));
        group.append(button);
      }
      parts.push(group);
    } else if (ia.type === 'list') {
      const list = el('details', 'list');
      list.append(el('summary', '', action.button || 'Options'));
      for (const section of action.sections || []) {
        if (section.title) list.append(el('p', 'section', section.title));
        const rows = el('ul', 'rows');
        for (const row of section.rows || []) {
          const button = el('button', 'row');
          button.type = 'button';
          button.append(el('span', 'row-title', row.title));
          if (row.description) button.append(el('span', 'row-description', row.description));
          button.addEventListener('click', () => {
            const picked = { id: row.id, title: row.title };
            if (row.description) picked.description = row.description;
            list.open = false;
            send({ context: { id }, type: 'interactive', interactive: { type: 'list_reply', list_reply: picked } });
          });
          const li = el('li');
          li.append(button);
          rows.append(li);
        }
        list.append(rows);
      }
      parts.push(list);
    } else {
      parts.push(el('p', 'muted', '[interactive ' + ia.type + ']'));
    }
    return parts;
  }

  function template(t) {
    const language = t.language && t.language.code;
    const parts = [el('p', 'header', 'Template ' + t.name + (language ? ' (' + language + ')' : ''))];
    for (const component of t.components || []) {
      const label = component.type + (component.sub_type ? ' ' + component.sub_type : '')
        + (component.index !== undefined ? ' ' + component.index : '');
      const params = el('ol', 'params');
      params.setAttribute('aria-label', label);
      for (const p of component.parameters || []) {
        const value = p.type === 'text' ? p.text : p.type === 'payload' ? p.payload : '[' + p.type + ']';
        params.append(el('li', '', (p.parameter_name ? p.parameter_name + ': ' : '') + value));
      }
      parts.push(el('p', 'muted', label), params);
    }
    return parts;
  }

  // ---- writing --------------------------------------------------------------------------------------------------

  async function send(message) {
    if (!number) {
      notice('Choose a citizen first');
      return false;
    }
    const url = '/sandbox/citizens/' + number + '/messages' + (name ? '?name=' + encodeURIComponent(name) : '');
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(message),
      });
      if (!response.ok) {
        const answer = await response.json().catch(() => ({}));
        notice('Not sent: ' + ((answer.error && answer.error.message) || 'HTTP ' + response.status));
        return false;
      }
      notice('');
      poll();
      return true;
    } catch (e) {
      notice('Not sent: the sandbox does not answer (' + e.message + ')');
      return false;
    }
  }

  function mediaId() { // WhatsApp's media ids are long decimal numbers
    const bytes = crypto.getRandomValues(new Uint32Array(2));
    return String(1000000 + (bytes[0] % 9000000)) + String(bytes[1]).padStart(10, '0');
  }

  $('who').addEventListener('submit', (e) => {
    e.preventDefault();
    open(digits($('number').value), $('name').value);
  });

  $('preset').addEventListener('change', () => {
    const value = $('preset').value;
    if (value) open(value, presetName(value));
    else $('number').focus();
  });

  $('write').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text) return;
    if (await send({ type: 'text', text: { body: text } })) $('text').value = '';
  });

  $('text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { // Enter also confirms a Hindi input method's word
      e.preventDefault();
      $('write').requestSubmit();
    }
  });

  $('village').addEventListener('change', () => {
    const option = $('village').selectedOptions[0];
    if (!option.value) return;
    const [lat, lon] = option.value.split(',');
    $('lat').value = lat;
    $('lon').value = lon;
    $('place').value = option.dataset.name;
    $('address').value = option.dataset.name + ', Balod, Chhattisgarh';
  });

  $('location').addEventListener('submit', async (e) => {
    e.preventDefault();
    const shared = { latitude: Number($('lat').value), longitude: Number($('lon').value) };
    if ($('place').value.trim()) shared.name = $('place').value.trim();
    if ($('address').value.trim()) shared.address = $('address').value.trim();
    if (await send({ type: 'location', location: shared })) $('location-panel').open = false;
  });

  $('photo').addEventListener('submit', async (e) => {
    e.preventDefault();
    const image = { id: mediaId(), mime_type: 'image/jpeg', sha256: SAMPLE_SHA256 };
    if ($('caption').value.trim()) image.caption = $('caption').value.trim();
    if (await send({ type: 'image', image })) {
      $('caption').value = '';
      $('photo-panel').open = false;
    }
  });

  window.addEventListener('hashchange', () => {
    const wanted = remembered();
    if (wanted && wanted.number !== number) open(wanted.number, wanted.name);
  });

  const start = remembered();
  if (start) open(start.number, start.name);
})();

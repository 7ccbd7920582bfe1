-- The officials' worklist at a district's scale (officer-portal/bench: 100,000 grievances).
-- The tab counts, from the index alone: every tab is one of these statuses, and a head's or officer's scope starts with
-- the department.
create index grievance_worklist on grievance (department_code, status, due_at) include (block)
    where status in ('ASSIGNED', 'IN_PROGRESS', 'REOPENED', 'RESOLVED');

-- The worklist's free-text search (number, description or village containing the words, in any script): trigram
-- indexes answer "ilike '%…%'" without reading every grievance. pg_trgm is a trusted extension: the database's owner
-- may create it.
create extension if not exists pg_trgm;
create index grievance_text_search on grievance
    using gin (number gin_trgm_ops, description gin_trgm_ops, village gin_trgm_ops);

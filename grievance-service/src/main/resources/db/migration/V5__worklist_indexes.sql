-- The officials' worklist at a district's scale (officer-portal/bench: 100,000 grievances).
-- The tab counts, from the index alone: every tab is one of these statuses, and a head's or officer's scope starts with
-- the department.
create index grievance_worklist on grievance (department_code, status, due_at) include (block)
    where status in ('ASSIGNED', 'IN_PROGRESS', 'REOPENED', 'RESOLVED');

-- The worklist's free-text search (number, village or description containing the words, in any script): one lowered
-- text per grievance and a trigram index on it, so "like '%…%'" is answered from the index and combined with the
-- status indexes instead of being tried on every grievance in scope. pg_trgm is a trusted extension: the database's
-- owner may create it.
create extension if not exists pg_trgm;
alter table grievance add column search_text text
    generated always as (lower(number || ' ' || coalesce(village, '') || ' ' || description)) stored;
create index grievance_search_text on grievance using gin (search_text gin_trgm_ops);

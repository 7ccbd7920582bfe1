-- Grievances, their append-only history, processed commands and the human-readable number sequence.
-- Every row carries its district (tenant).
create table grievance (
    id              uuid primary key,
    district_code   text        not null,
    number          text        not null unique,
    status          text        not null,
    version         bigint      not null,
    citizen_ref     text        not null,
    citizen_wa_id   text        not null,
    language        text        not null,
    description     text        not null,
    category        text,
    latitude        double precision,
    longitude       double precision,
    block           text,
    village         text,
    attachments     jsonb       not null default '[]',
    department_code text,
    officer_id      text,
    level           int         not null default 1,
    due_at          timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index grievance_by_district_status on grievance (district_code, status);

create table grievance_history (
    grievance_id uuid        not null references grievance (id),
    version      bigint      not null,
    action       text        not null,
    from_status  text,
    to_status    text        not null,
    actor_id     text,
    actor_role   text        not null,
    reason       text,
    occurred_at  timestamptz not null,
    primary key (grievance_id, version)
);

-- History is evidence: rows are added, never changed or removed.
create function grievance_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'grievance_history is append-only';
end;
$$;
create trigger grievance_history_append_only before update or delete on grievance_history
    for each statement execute function grievance_history_is_append_only();

-- Idempotency: a command id is recorded in the same transaction as its effect.
create table processed_command (
    command_id   text primary key,
    processed_at timestamptz not null default now()
);

-- BLD-2026-000123: one counter per district and year, incremented under a row lock, so numbers are unique across
-- instances and restarts.
create table grievance_number_sequence (
    district_code text   not null,
    year          int    not null,
    last_value    bigint not null,
    primary key (district_code, year)
);

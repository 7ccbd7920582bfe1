-- Who holds a grievance follows its level: history says from whom to whom, a grievance the citizen rejected even at
-- the collector's level is marked disputed, and the department directory (service levels, ladders) is kept as
-- routing-service last published it. Processed commands are purged after a retention period (by processed_at).
alter table grievance add column disputed boolean not null default false;
alter table grievance_history
    add column from_officer text,
    add column to_officer   text;

create table directory_copy (
    district_code text primary key,
    version       integer     not null,
    document      jsonb       not null,
    received_at   timestamptz not null
);

create index processed_command_by_age on processed_command (processed_at);

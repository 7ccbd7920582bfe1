-- The review's rollups (ReviewContribution): what every grievance's events add up to, per IST day and whom they are
-- charged to, kept in step with the fold in the same transaction. A review then sums a few thousand rows instead of
-- every event of its period (bench/results.md). "" stands for nobody (not routed yet): keys cannot be null.
create table review_day (
    district_code             text    not null,
    day                       date    not null,
    department                text    collate "C" not null,
    block                     text    collate "C" not null,
    officer                   text    collate "C" not null,
    received                  integer not null,
    assigned                  integer not null,
    escalated                 integer not null,
    escalated_to_level2       integer not null,
    escalated_to_level3       integer not null,
    reopened                  integer not null,
    disputed                  integer not null,
    transferred               integer not null,
    resolved                  integer not null,
    resolved_on_time          integer not null,
    closed_verified           integer not null,
    closed_unverified         integer not null,
    rated                     integer not null,
    rating_sum                integer not null,
    acknowledged              integer not null,
    acknowledged_within_a_day integer not null,
    first_resolutions         integer not null,
    primary key (district_code, day, department, block, officer)
);

-- Grievances first assigned on assign_day and first transferred on transfer_day, charged as the assignment:
-- first-time-right routing for a period is its first assignments less those transferred before its end.
create table review_transfer (
    district_code text    not null,
    assign_day    date    not null,
    transfer_day  date    not null,
    department    text    collate "C" not null,
    block         text    collate "C" not null,
    officer       text    collate "C" not null,
    grievances    integer not null,
    primary key (district_code, assign_day, transfer_day, department, block, officer)
);

-- The durations of one kind (0 acknowledge, 1 resolve, 2 close) that ended on one IST day, charged to one official:
-- seconds as float8s in ascending order (8 bytes each, big-endian), so that a review reads a few thousand rows and
-- takes exact medians and 90th percentiles of what they hold (ReviewQueries, as PostgreSQL's percentile_cont).
create table review_duration_day (
    district_code text     not null,
    day           date     not null,
    department    text     collate "C" not null,
    block         text     collate "C" not null,
    officer       text     collate "C" not null,
    kind          smallint not null,
    seconds       bytea    not null,
    primary key (district_code, day, department, block, officer, kind)
);

-- Open grievances now, by holder, level and status; and each open grievance's latest state for what depends on the
-- moment (ageing, overdue): only the recent ones and those not yet due are read.
create table open_count (
    district_code text    not null,
    department    text    collate "C" not null,
    block         text    collate "C" not null,
    officer       text    collate "C" not null,
    level_key     text    not null,
    status        text    not null,
    grievances    integer not null,
    primary key (district_code, department, block, officer, level_key, status)
);
create table open_grievance (
    grievance_id  uuid        primary key,
    district_code text        not null,
    department    text        collate "C" not null,
    block         text        collate "C" not null,
    officer       text        collate "C" not null,
    level_key     text        not null,
    status        text        not null,
    owing         boolean     not null,
    due_at        timestamptz not null, -- 'infinity' when there is no deadline
    registered_at timestamptz not null
);
create index open_grievance_by_registration on open_grievance (district_code, registered_at)
    include (department, block, officer);
create index open_grievance_by_deadline on open_grievance (district_code, due_at)
    include (department, block, officer, level_key, status) where owing;

-- The flows no longer scan events; only the habitual complainants' count reads registrations by time.
drop index grievance_event_by_time;
create index grievance_event_registrations on grievance_event (district_code, occurred_at)
    include (citizen_ref, charged_department, charged_block, charged_officer) where action = 'REGISTER';

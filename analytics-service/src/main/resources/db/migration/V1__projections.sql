-- The department directory as routing-service last published it (messaging-support's DirectoryCopy).
create table directory_copy (
    district_code text primary key,
    version       integer     not null,
    document      jsonb       not null,
    received_at   timestamptz not null
);

-- Every grievance event once: the primary key (grievance, version) and the unique event id make a redelivery or a
-- duplicate change nothing. The columns after "disputed" are derived from the grievance's events in version order
-- (GrievanceFold), recomputed whenever one of them arrives, so events arriving out of order end in the same rows.
create table grievance_event (
    grievance_id         uuid        not null,
    version              integer     not null,
    event_id             uuid        not null unique,
    district_code        text        not null,
    action               text        not null,
    occurred_at          timestamptz not null,
    to_status            text        not null,
    department_code      text,
    block                text,
    officer_id           text,
    previous_officer_id  text,
    level                integer,
    due_at               timestamptz,
    rating               integer,
    citizen_ref          text,
    disputed             boolean     not null,
    -- derived
    registered_at        timestamptz not null,
    first_assigned_at    timestamptz,
    first_transferred_at timestamptz,
    first_of_action      boolean     not null,
    charged_department   text,
    charged_block        text,
    charged_officer      text,
    on_time              boolean,
    valid_to             timestamptz,
    primary key (grievance_id, version)
);

-- Flows: the events of a period.
create index grievance_event_by_time on grievance_event (district_code, occurred_at);
-- Stocks now: each open grievance's latest state.
create index grievance_event_open_now on grievance_event (district_code, department_code)
    where valid_to is null and to_status not in ('CLOSED_VERIFIED', 'CLOSED_UNVERIFIED');
-- Stocks at a past period's end: open states that ended after it.
create index grievance_event_open_until on grievance_event (district_code, valid_to)
    where valid_to is not null and to_status not in ('CLOSED_VERIFIED', 'CLOSED_UNVERIFIED');

-- Every state a message reached, once (notification.deliveries.v1), without the citizen's reference.
create table delivery_event (
    event_id      uuid        primary key,
    outbound_id   text        not null,
    district_code text        not null,
    occurred_at   timestamptz not null,
    audience      text        not null,
    kind          text        not null,
    grievance_id  uuid,
    state         text        not null,
    error_code    integer,
    template      boolean     not null
);

create index delivery_event_by_time on delivery_event (district_code, occurred_at);

-- The department directory: one JSON document (directory/balod.json is its seed), versioned so that concurrent edits
-- cannot overwrite each other and other instances notice a change.
create table directory (
    id         smallint primary key check (id = 1),
    version    integer     not null,
    document   jsonb       not null,
    updated_at timestamptz not null,
    updated_by text        not null
);

-- Each grievance routed once (the primary key makes routing idempotent), with the text it was routed on, so that a
-- later transfer can teach the classifier.
create table routed_grievance (
    grievance_id    uuid primary key,
    description     text             not null,
    block           text,
    department_code text             not null,
    officer_id      text             not null,
    confidence      double precision not null,
    auto_routed     boolean          not null,
    routed_at       timestamptz      not null
);

-- Officers' corrections: a grievance transferred to another department is a labelled example for the classifier.
create table correction (
    grievance_id    uuid        not null,
    version         bigint      not null,
    description     text        not null,
    from_department text        not null,
    to_department   text        not null,
    corrected_at    timestamptz not null,
    primary key (grievance_id, version)
);

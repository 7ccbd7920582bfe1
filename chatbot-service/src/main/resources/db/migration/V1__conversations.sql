-- One row per citizen: where their conversation stands. The draft is the complaint being filed (description,
-- location, attachments) until it is submitted; feedback_grievance_id is the grievance whose "not satisfied" reason
-- we are waiting for.
create table conversation (
    wa_id                 text primary key,
    citizen_ref           text        not null,
    language              text        not null check (language in ('hi', 'en')),
    step                  text        not null,
    draft                 jsonb,
    feedback_grievance_id uuid,
    started_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index conversation_waiting on conversation (step, updated_at);

-- Inbound message ids already handled (WhatsApp redelivers): a redelivered message changes nothing and gets no
-- second reply. Kept for longer than WhatsApp keeps redelivering, then forgotten.
create table processed_message (
    message_id   text primary key,
    processed_at timestamptz not null default now()
);
create index processed_message_age on processed_message (processed_at);

-- The citizen's grievances as this service knows them: inserted when the citizen submits (status SUBMITTED,
-- version 0), then kept current from grievance.events.v1 (applied only when newer). feedback_version is the version
-- of the resolution the citizen has already answered.
create table citizen_grievance (
    grievance_id     uuid primary key,
    citizen_ref      text        not null,
    grievance_number text,
    status           text        not null,
    department_code  text,
    due_at           timestamptz,
    version          bigint      not null,
    summary          text,
    submitted_at     timestamptz not null,
    feedback_version bigint,
    updated_at       timestamptz not null
);
create index citizen_grievance_by_citizen on citizen_grievance (citizen_ref, submitted_at);
create index citizen_grievance_by_number on citizen_grievance (grievance_number);

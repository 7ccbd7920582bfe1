-- Citizens as far as sending needs them: their WhatsApp id, pseudonymous reference, last message (24-hour window)
-- and whether they opted out of proactive messages.
create table citizen (
    wa_id           text primary key,
    citizen_ref     text        not null unique,
    last_inbound_at timestamptz,
    opted_out       boolean     not null default false
);

-- Every message to send, once per outbound id (the idempotency key derived from its cause).
-- state: QUEUED -> SENDING -> ACCEPTED (WhatsApp took it) -> SENT -> DELIVERED -> READ, or FAILED (WhatsApp could
-- not deliver), DEAD (given up, dead-lettered), SKIPPED (citizen opted out). AWAITING_CITIZEN: news for a citizen
-- whose first message we have not seen yet (wa_id still null); queued as soon as it arrives.
create table outbound_message (
    outbound_id     text primary key,
    wa_id           text,
    citizen_ref     text,
    district_code   text        not null,
    kind            text        not null,
    grievance_id    uuid,
    language        text        not null,
    proactive       boolean     not null,
    message         jsonb       not null,
    template        jsonb,
    as_template     boolean     not null default false,
    state           text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    sending_since   timestamptz,
    wamid           text unique,
    error_code      int,
    error_title     text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index outbound_due on outbound_message (next_attempt_at) where state = 'QUEUED';
create index outbound_pending_by_citizen on outbound_message (wa_id, created_at)
    where state in ('QUEUED', 'SENDING');
create index outbound_unconfirmed on outbound_message (sending_since) where state = 'SENDING';
create index outbound_awaiting_citizen on outbound_message (citizen_ref) where state = 'AWAITING_CITIZEN';

-- Each delivery state a message reached, once (statuses arrive repeated and out of order).
create table delivery_state (
    outbound_id text        not null references outbound_message (outbound_id),
    state       text        not null,
    reached_at  timestamptz not null,
    primary key (outbound_id, state)
);

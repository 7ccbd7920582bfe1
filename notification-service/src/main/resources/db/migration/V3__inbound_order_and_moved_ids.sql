-- STOP / START apply in WhatsApp's order: the message time of the STOP or START that set opted_out.
alter table citizen add column opt_out_at timestamptz;

-- Inbound messages already handled, by WhatsApp message id, so that a redelivered one changes nothing; forgotten
-- after notification.inbound-retention (WhatsApp redelivers for up to 7 days).
create table processed_inbound (
    message_id   text primary key,
    processed_at timestamptz not null
);
create index processed_inbound_age on processed_inbound (processed_at);

-- WhatsApp ids a citizen no longer has (a user_changed_user_id notice): news addressed by the former id's citizen
-- reference, and messages to the former id, go to the id it moved to.
create table citizen_moved (
    wa_id       text primary key,
    citizen_ref text        not null unique,
    moved_to    text        not null,
    moved_at    timestamptz not null
);
create index citizen_moved_to on citizen_moved (moved_to);

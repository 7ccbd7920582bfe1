-- Officials as the district's directory names them (routing.directory.v1), only what their alerts need: each
-- district's officials come from the highest directory version received; a newer version replaces them all.
create table directory_version (
    district_code text primary key,
    version       int         not null,
    received_at   timestamptz not null
);
create table official (
    district_code text not null references directory_version (district_code),
    official_id   text not null,
    role          text,
    whatsapp      text,
    language      text not null,
    primary key (district_code, official_id)
);

-- An alert to an official is an outbound message with official_id set and no citizen: it is ordered with that
-- official's other alerts only, never with a citizen's conversation (even one on the same number), and no citizen's
-- window or opt-out applies to it. SKIPPED alerts (official unknown or without a number) are kept so that a
-- redelivered event neither queues nor counts them again.
alter table outbound_message add column official_id text;

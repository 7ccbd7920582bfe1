-- The transactional outbox (messaging-support): events are inserted in the same transaction as the change they
-- describe, and OutboxRelay publishes them to Kafka, in insertion order, deleting each row once Kafka acknowledged it.
create table outbox (
    id          bigint generated always as identity primary key,
    topic       text        not null,
    record_key  text,
    payload     bytea       not null,
    headers     jsonb       not null default '{}',
    created_at  timestamptz not null default now()
);

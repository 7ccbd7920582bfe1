-- Keys as bytes: a dead letter keeps a consumed record's key exactly as it came, even when it is not UTF-8.
alter table outbox alter column record_key type bytea using convert_to(record_key, 'UTF8');

-- A record Kafka refuses for good is dead-lettered and the relay goes on with the next. When even its dead letter
-- cannot hold the value (larger than the dead-letter topic allows), the row is parked here with the reason instead
-- of deleted, so the value is not lost; the relay skips parked rows.
alter table outbox add column parked_at timestamptz, add column parked_reason text;

-- Due messages in the order they are taken (OutboundStore.take), so a take reads only the rows it returns instead
-- of sorting every queued message.
drop index outbound_due;
create index outbound_due on outbound_message (next_attempt_at, created_at) where state = 'QUEUED';

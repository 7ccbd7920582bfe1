-- Officials' alerts (assigned to you, due soon, escalated to or away from you, resolution rejected, disputed) are read
-- from the history rather than kept as a second copy of the events: each step now also records where it left the
-- grievance, as its event tells it (holder, department, block, level, deadline, disputed), so an official's alerts are
-- found by their id through the indexes below.
alter table grievance_history
    add column officer_id      text,
    add column department_code text,
    add column block           text,
    add column level           int,
    add column due_at          timestamptz,
    add column disputed        boolean;

-- Steps recorded before this migration get their holder once, here (what they recorded is unchanged): the holder
-- after a step is the one the latest handover up to it went to, or before any handover the one the next handover
-- came from, or else who holds the grievance now. Their other new columns stay null (not known); the API shows the
-- grievance's present department, block, level and deadline for them.
alter table grievance_history disable trigger grievance_history_append_only;
update grievance_history h
set officer_id = case when d.since is not null then d.since[1] when d.next is not null then d.next[1] else d.now end
from (select s.grievance_id, s.version, g.officer_id as now,
             -- an array, so that a handover to nobody (null) is told apart from no handover at all
             (select array[p.to_officer] from grievance_history p
              where p.grievance_id = s.grievance_id and p.version <= s.version and p.from_officer is not null
              order by p.version desc limit 1) as since,
             (select array[n.from_officer] from grievance_history n
              where n.grievance_id = s.grievance_id and n.version > s.version and n.from_officer is not null
              order by n.version limit 1) as next
      from grievance_history s join grievance g on g.id = s.grievance_id
      where s.action <> 'REGISTER') d
where h.grievance_id = d.grievance_id and h.version = d.version;
alter table grievance_history enable trigger grievance_history_append_only;

-- Alerts for the holder after a step (assigned, due soon, disputed), for the one a handover went to and the one it
-- came from, newest first.
create index grievance_history_alerts_by_holder on grievance_history (officer_id, occurred_at)
    where action in ('ASSIGN', 'REMIND', 'REJECT_RESOLUTION');
create index grievance_history_by_to_officer on grievance_history (to_officer, occurred_at)
    where to_officer is not null;
create index grievance_history_by_from_officer on grievance_history (from_officer, occurred_at)
    where from_officer is not null;

-- What an official has read: one mark per alert (official, step). Chosen over a "read up to" time because a step
-- committed a moment after a read-all can carry an earlier time and would count as read unseen; read-all inserts the
-- marks of everything unread at that moment in one statement.
create table official_alert_read (
    official_id  text        not null,
    grievance_id uuid        not null,
    version      bigint      not null,
    read_at      timestamptz not null,
    primary key (official_id, grievance_id, version),
    foreign key (grievance_id, version) references grievance_history (grievance_id, version)
);

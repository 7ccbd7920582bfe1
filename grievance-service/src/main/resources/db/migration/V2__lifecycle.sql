-- What the lifecycle after assignment needs: which deadline was already reminded, the citizen's feedback window,
-- the officer's resolution and the citizen's rating; indexes for the deadline checks and the officers' lists.
alter table grievance
    add column reminded_for_due_at timestamptz,
    add column feedback_due_at     timestamptz,
    add column resolution_note     text,
    add column resolution_photo    text,
    add column rating              smallint check (rating between 1 and 5),
    add column closed_at           timestamptz;

create index grievance_open_by_due on grievance (due_at) where status in ('ASSIGNED', 'IN_PROGRESS', 'REOPENED');
create index grievance_feedback_by_due on grievance (feedback_due_at) where status = 'RESOLVED';
create index grievance_by_department_block on grievance (department_code, block);

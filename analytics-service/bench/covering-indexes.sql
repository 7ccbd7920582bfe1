-- A proposal, measured with bench/run.sh -Dbench.after-load=bench/covering-indexes.sql: the review's two scans as
-- index-only scans. Stocks read every open grievance's latest state (~85,000 rows at 1,000,000 grievances) from heap
-- pages spread over the whole table; flows read every event of the period (~330,000 rows for 30 days).
create index grievance_event_open_now_covering on grievance_event
    (district_code, department_code, block, officer_id, level, to_status) include (due_at, registered_at)
    where valid_to is null and to_status not in ('CLOSED_VERIFIED', 'CLOSED_UNVERIFIED');
create index grievance_event_by_time_covering on grievance_event (district_code, occurred_at)
    include (action, charged_department, charged_block, charged_officer, first_of_action, first_assigned_at,
        first_transferred_at, registered_at, level, disputed, grievance_id, on_time, rating);

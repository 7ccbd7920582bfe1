-- A district's year of grievances in grievance-service's own schema, for the portal's page benchmark
-- (officer-portal/bench/run.sh): :count grievances over 330 days, most closed, the last 60 days' mostly open, every
-- department of the directory (:'directory', the routing directory's JSON) in every block, holders from the
-- directory's officers and ladders, and a timeline per grievance as the workflow writes it. Deterministic (setseed).
select setseed(0.2026);

create temp table department as
select row_number() over () as n, d ->> 'code' as code, (d ->> 'serviceLevel')::interval as sla,
       d -> 'officers' as officers, d -> 'escalation' as ladder
from jsonb_array_elements(:'directory'::jsonb -> 'departments') d;

create temp table draw as
select i, random() as age, random() as state, random() as dept, random() as place, random() as words,
       random() as tongue
from generate_series(1, :count) i;

create temp table bench_grievance as
select i,
       md5('bench-grievance-' || i)::uuid as id,
       d.code as department_code, d.sla, d.officers, d.ladder,
       now() - interval '1 day' * case when age < 0.18 then age / 0.18 * 60 else 60 + (age - 0.18) / 0.82 * 270 end
           as created_at,
       case when age < 0.18 then
                case when state < 0.30 then 'ASSIGNED' when state < 0.60 then 'IN_PROGRESS'
                     when state < 0.65 then 'REOPENED' when state < 0.80 then 'RESOLVED'
                     when state < 0.95 then 'CLOSED_VERIFIED' else 'CLOSED_UNVERIFIED' end
            else
                case when state < 0.010 then 'ASSIGNED' when state < 0.025 then 'IN_PROGRESS'
                     when state < 0.030 then 'REOPENED' when state < 0.035 then 'RESOLVED'
                     when state < 0.85 then 'CLOSED_VERIFIED' else 'CLOSED_UNVERIFIED' end
       end as status,
       case when place < 0.05 then null
            else (array['Balod', 'Gunderdehi', 'Gurur', 'Dondi', 'Dondi Lohara'])[1 + floor(place * 20)::int % 5] end
           as block,
       (array['Jhalmala', 'Kanakot', 'Sankra', 'Arjunda', 'Kusumkasa', 'Pararas', 'Karahibhadar', 'Dhanora',
              'Mohandipat', 'Kapsada', 'Bhendri', 'Pairi'])[1 + floor(words * 1000)::int % 12] as village,
       (array['हमारे गांव में हैंडपंप 2 महीने से खराब है, पानी के लिए 2 किलोमीटर जाना पड़ता है',
              'बिजली 4 दिन से नहीं है, ट्रांसफार्मर जल गया है, लाइनमैन फोन नहीं उठाता',
              'गांव की सड़क में बड़े बड़े गड्ढे हैं, बरसात में स्कूल के बच्चे गिर जाते हैं',
              'राशन दुकान वाला पूरा चावल नहीं देता, अंगूठा लगवा कर कम देता है',
              'पटवारी नामांतरण के लिए 6 महीने से चक्कर लगवा रहा है',
              'nal jal yojana ka pipe toot gaya hai, 10 din se pani nahi aa raha',
              'school me teacher roz nahi aate, bachche ghar laut jaate hain',
              'Streetlights on the main road of the ward are off for two weeks',
              'PHC me doctor nahi milte raat ko, delivery ke liye Balod jana padta hai',
              'वृद्धा पेंशन 3 महीने से खाते में नहीं आई',
              'Old age pension not received since August, bank says no credit',
              'धान खरीदी केंद्र में टोकन नहीं मिल रहा, समिति वाले मना कर रहे'])[1 + floor(words * 12)::int]
           || ' (' || i || ')' as description,
       case when tongue < 0.8 then 'hi' else 'en' end as language
from draw
join department d on d.n = 1 + floor(dept * (select count(*) from department))::int;

alter table bench_grievance add column officer_id text, add column holder text, add column level int;
-- The first holder is the block's officer (the department's first rung when the block is unknown); a reopened
-- grievance is one level up, with the department head.
update bench_grievance set holder = coalesce(officers ->> block, ladder ->> 0);
update bench_grievance set level = case when status = 'REOPENED' then 2 else 1 end,
                           officer_id = case when status = 'REOPENED' then ladder ->> 0 else holder end;

insert into grievance (id, district_code, number, status, version, citizen_ref, citizen_wa_id, language, description,
                       category, latitude, longitude, block, village, attachments, department_code, officer_id, level,
                       due_at, created_at, updated_at, feedback_due_at, resolution_note, closed_at, disputed)
select id, 'BLD', 'BLD-2026-' || lpad(i::text, 6, '0'), status,
       case status when 'ASSIGNED' then 2 when 'IN_PROGRESS' then 3 when 'RESOLVED' then 4 else 5 end,
       md5('bench-citizen-' || (i % 61000)), '9198' || lpad((i % 61000)::text, 8, '0'), language, description,
       null, null, null, block, village, '[]', department_code, officer_id, level,
       created_at + sla * level, created_at,
       created_at + case status when 'ASSIGNED' then interval '2 minutes' when 'IN_PROGRESS' then interval '1 day'
                                when 'RESOLVED' then interval '3 days' else interval '5 days' end,
       case when status = 'RESOLVED' then created_at + interval '10 days' end,
       case when status not in ('ASSIGNED', 'IN_PROGRESS') then 'मरम्मत कर दी गई, जांच कर ली गई' end,
       case when status like 'CLOSED%' then created_at + interval '5 days' end,
       false
from bench_grievance;

-- The timeline, as the workflow records it: registered, assigned, acknowledged, resolved, then the citizen's answer.
insert into grievance_history (grievance_id, version, action, from_status, to_status, actor_id, actor_role, reason,
                               occurred_at, from_officer, to_officer, officer_id, department_code, block, level, due_at,
                               disputed)
select id, 1, 'REGISTER', null, 'REGISTERED', md5('bench-citizen-' || (i % 61000)), 'CITIZEN', null, created_at,
       null, null, null, null, block, 1, null, false
from bench_grievance
union all
select id, 2, 'ASSIGN', 'REGISTERED', 'ASSIGNED', 'routing-service', 'SYSTEM', 'matched words', created_at + interval '2 minutes',
       null, holder, holder, department_code, block, 1, created_at + sla, false
from bench_grievance
union all
select id, 3, 'ACKNOWLEDGE', 'ASSIGNED', 'IN_PROGRESS', holder, 'OFFICER', null, created_at + interval '1 day',
       null, null, holder, department_code, block, 1, created_at + sla, false
from bench_grievance where status <> 'ASSIGNED'
union all
select id, 4, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED', holder, 'OFFICER', 'मरम्मत कर दी गई, जांच कर ली गई',
       created_at + interval '3 days', null, null, holder, department_code, block, 1, created_at + sla, false
from bench_grievance where status not in ('ASSIGNED', 'IN_PROGRESS')
union all
select id, 5, case status when 'CLOSED_VERIFIED' then 'CONFIRM_RESOLVED' when 'CLOSED_UNVERIFIED' then 'EXPIRE_FEEDBACK'
                          else 'REJECT_RESOLUTION' end,
       'RESOLVED', status, case when status = 'CLOSED_UNVERIFIED' then null else md5('bench-citizen-' || (i % 61000)) end,
       case when status = 'CLOSED_UNVERIFIED' then 'SYSTEM' else 'CITIZEN' end,
       case when status = 'REOPENED' then 'अभी भी पानी नहीं आ रहा' end, created_at + interval '5 days',
       case when status = 'REOPENED' then holder end, case when status = 'REOPENED' then officer_id end, officer_id,
       department_code, block, level, created_at + sla * level, false
from bench_grievance where status in ('CLOSED_VERIFIED', 'CLOSED_UNVERIFIED', 'REOPENED');

insert into grievance_number_sequence (district_code, year, last_value) values ('BLD', 2026, :count);
analyze grievance;
analyze grievance_history;
select status, count(*) from grievance group by status order by status;

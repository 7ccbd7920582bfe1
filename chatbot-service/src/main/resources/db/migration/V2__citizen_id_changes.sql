-- Citizens whose WhatsApp id changed (a new business-scoped user id, a new number): the reference of the id they were
-- known by, and the reference of the id they have now. grievance-service keeps naming a grievance's citizen by the
-- reference it was filed under, so events that still carry the old one are filed under the new one here.
create table citizen_ref_change (
    old_ref    text primary key,
    new_ref    text        not null,
    changed_at timestamptz not null
);

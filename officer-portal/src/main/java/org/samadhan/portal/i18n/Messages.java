package org.samadhan.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string the pages show, in English; {@code messages/msg_hi.properties} gives each in Hindi (a test keeps the
 * two complete). Templates use them as {@code {msg:key}}, in the language of the request.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    @Message("Samadhan · Balod grievances")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Worklist")
    String nav_worklist();

    @Message("Alerts")
    String nav_alerts();

    @Message("Triage")
    String nav_triage();

    @Message("Review")
    String nav_review();

    @Message("Directory")
    String nav_directory();

    @Message("Sign out")
    String sign_out();

    @Message("You have signed out.")
    String signed_out();

    @Message("Sign in again")
    String sign_in_again();

    @Message("Language")
    String language();

    @Message("Change")
    String change();

    @Message("{#when role}{#is 'OFFICER'}Block officer{#is 'DEPARTMENT_HEAD'}Department head{#is 'COLLECTOR'}Collector{/when}")
    String role(String role);

    // The worklist

    @Message("{#when tab}{#is 'ALL'}All open{#is 'NEW'}New{#is 'IN_PROGRESS'}In progress{#is 'REOPENED'}Reopened"
            + "{#is 'OVERDUE'}Overdue{#is 'AWAITING'}Awaiting the citizen{/when}")
    String tab(String tab);

    @Message("Grievance")
    String col_number();

    @Message("Department")
    String col_department();

    @Message("Village / block")
    String col_place();

    @Message("Status")
    String col_status();

    @Message("Level")
    String col_level();

    @Message("Holder")
    String col_holder();

    @Message("Due")
    String col_due();

    @Message("Age")
    String col_age();

    @Message("Search: number, words, village")
    String filter_text();

    @Message("All departments")
    String filter_all_departments();

    @Message("All blocks")
    String filter_all_blocks();

    @Message("Block")
    String filter_block();

    @Message("Apply")
    String filter_apply();

    @Message("Clear")
    String filter_clear();

    @Message("Nothing here: no grievance in your scope matches.")
    String worklist_empty();

    @Message("{from}–{to} of {total}")
    String paging_range(long from, long to, long total);

    @Message("Previous")
    String paging_previous();

    @Message("Next")
    String paging_next();

    @Message("{number} was transferred; it is now with the other department.")
    String transferred(String number);

    @Message("Updated {time}; the list refreshes by itself.")
    String worklist_refreshed(String time);

    @Message("{#when status}{#is 'REGISTERED'}Registered{#is 'ASSIGNED'}New{#is 'IN_PROGRESS'}In progress"
            + "{#is 'RESOLVED'}Resolved, awaiting the citizen{#is 'REOPENED'}Reopened{#is 'CLOSED_VERIFIED'}Closed, verified"
            + "{#is 'CLOSED_UNVERIFIED'}Closed, not verified{#else}{status}{/when}")
    String status(String status);

    @Message("L{level}")
    String level(int level);

    @Message("disputed")
    String disputed();

    @Message("{#if days > 0}{days} d {hours} h left{#else if hours > 0}{hours} h {minutes} min left"
            + "{#else}{minutes} min left{/if}")
    String due_left(long days, long hours, long minutes);

    @Message("{#if days > 0}overdue by {days} d {hours} h{#else if hours > 0}overdue by {hours} h {minutes} min"
            + "{#else}overdue by {minutes} min{/if}")
    String due_overdue(long days, long hours, long minutes);

    @Message("no deadline")
    String due_none();

    @Message("{days} d")
    String age_days(long days);

    @Message("unassigned")
    String holder_none();

    // The grievance page

    @Message("{#when action}{#is 'ACKNOWLEDGE'}Acknowledge{#is 'ADD_NOTE'}Add a note{#is 'RESOLVE'}Resolve"
            + "{#is 'TRANSFER'}Transfer to another department{#is 'REASSIGN'}Reassign{#is 'REGISTER'}Registered"
            + "{#is 'ASSIGN'}Assigned{#is 'REMIND'}Reminder: the deadline is near{#is 'ESCALATE'}Escalated"
            + "{#is 'CONFIRM_RESOLVED'}The citizen confirmed it is solved{#is 'REJECT_RESOLUTION'}The citizen says it is not solved"
            + "{#is 'EXPIRE_FEEDBACK'}Closed without the citizen's answer{#else}{action}{/when}")
    String action(String action);

    @Message("{#when action}{#is 'ACKNOWLEDGE'}Acknowledged: work has started.{#is 'ADD_NOTE'}Note added."
            + "{#is 'RESOLVE'}Resolved: the citizen is asked to confirm.{#is 'TRANSFER'}Transferred."
            + "{#is 'REASSIGN'}Reassigned.{#else}Done.{/when}")
    String done(String action);

    @Message("{#when role}{#is 'OFFICER'}Block officer{#is 'DEPARTMENT_HEAD'}Department head{#is 'COLLECTOR'}Collector"
            + "{#is 'CITIZEN'}Citizen{#is 'SYSTEM'}System{#else}{role}{/when}")
    String actor_role(String role);

    @Message("Escalated above you: now at {level} with {holder}. You can read it and add notes; the holder acts on it.")
    String escalated_above(String level, String holder);

    @Message("The citizen's words")
    String g_words();

    @Message("Language")
    String g_language();

    @Message("{#when code}{#is 'hi'}Hindi{#is 'en'}English{#else}–{/when}")
    String language_name(String code);

    @Message("Coordinates")
    String g_coordinates();

    @Message("Open on a map")
    String g_open_map();

    @Message("Registered")
    String g_registered();

    @Message("Citizen's answer due")
    String g_feedback_due();

    @Message("Citizen's rating")
    String g_rating();

    @Message("What the citizen sent")
    String g_attachments();

    @Message("No photo or voice note.")
    String g_no_attachments();

    @Message("{#when kind}{#is 'image'}Photo{#is 'audio'}Voice note{#is 'video'}Video{#is 'document'}Document{#else}{kind}{/when}")
    String attachment_kind(String kind);

    @Message("Action taken")
    String g_resolution_note();

    @Message("What you can do")
    String g_actions();

    @Message("History")
    String g_timeline();

    @Message("Handed from {from} to {to}")
    String handed_over(String from, String to);

    @Message("The citizen said:")
    String citizen_said();

    @Message("Note (optional)")
    String field_note_optional();

    @Message("Note (for officials only)")
    String field_note();

    @Message("Action taken (required; the citizen is told)")
    String field_action_taken();

    @Message("Reason")
    String field_reason();

    @Message("Official")
    String field_official();

    @Message("Suggested for these words")
    String transfer_suggested();

    @Message("Other departments")
    String transfer_others();

    @Message("Please correct {field}:")
    String refused_field(String field);

    @Message("Not possible now:")
    String refused_workflow();

    @Message("{#when field}{#is 'note'}the note{#is 'text'}the note{#is 'reason'}the reason{#is 'departmentCode'}the department"
            + "{#is 'officerId'}the official{#else}the form{/when}")
    String field_label(String field);

    // Alerts

    @Message("{#when kind}{#is 'ASSIGNED'}Assigned to you{#is 'DUE_SOON'}Deadline near{#is 'ESCALATED_TO_YOU'}Escalated to you"
            + "{#is 'ESCALATED_AWAY'}Escalated away from you{#is 'RESOLUTION_REJECTED'}The citizen rejected the resolution"
            + "{#is 'DISPUTED'}Disputed by the citizen{#else}{kind}{/when}")
    String alert_kind(String kind);

    @Message("Mark read")
    String alerts_mark_read();

    @Message("Mark all read")
    String alerts_read_all();

    @Message("Unread only")
    String alerts_show_unread();

    @Message("All alerts")
    String alerts_show_all();

    @Message("new")
    String alerts_new();

    @Message("No alerts.")
    String alerts_empty();

    @Message("{count} unread alerts")
    String alerts_unread(long count);

    // Errors

    @Message("Not found")
    String not_found_title();

    @Message("There is no grievance or page at this address that you can see.")
    String not_found_text();

    @Message("Back to the worklist")
    String back_to_worklist();

    @Message("Service unavailable")
    String unavailable_title();

    @Message("A service the portal needs did not answer. Nothing was changed; please try again in a minute.")
    String unavailable_text();
}

package org.samadhan.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The collector's pages (district cell triage, the directory) in English; {@code messages/admin_hi.properties} gives
 * each in Hindi. Templates use them as {@code {admin:key}} beside the shared {@code {msg:key}}.
 */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMessages {

    @Message("Triage")
    String nav_triage();

    @Message("Directory")
    String nav_directory();

    // District cell triage

    @Message("District cell triage")
    String triage_title();

    @Message("Grievances the classifier could not place with confidence, oldest first. Send each one to the department"
            + " that should act on it; its block officer receives it at level 1.")
    String triage_intro();

    @Message("Nothing to triage: every open grievance has its department.")
    String triage_empty();

    @Message("Suggested departments")
    String col_suggestions();

    @Message("Send to")
    String col_send();

    @Message("No suggestions now (the classifier is busy or unreachable): choose from all departments.")
    String triage_no_suggestions();

    @Message("Send to {name} ({percent}%)")
    String triage_send_to(String name, int percent);

    @Message("Another department")
    String triage_other();

    @Message("Send")
    String triage_send();

    @Message("Triage: {name}")
    String triage_reason(String name);

    @Message("{number} was sent to {department}.")
    String triage_done(String number, String department);

    @Message("{number} could not be sent:")
    String triage_refused(String number);

    // The directory

    @Message("Directory")
    String dir_title();

    @Message("Departments, block officers, escalation ladders and officials as routing uses them now (version "
            + "{version}). An edit takes effect at once, for new grievances.")
    String dir_intro(int version);

    @Message("Departments")
    String dir_departments();

    @Message("Officials")
    String dir_officials();

    @Message("District office")
    String dir_district_office();

    @Message("Code")
    String col_code();

    @Message("Name (Hindi / English)")
    String col_names();

    @Message("Service level")
    String col_service_level();

    @Message("Block officers")
    String col_block_officers();

    @Message("Escalation")
    String col_ladder();

    @Message("Vocabulary")
    String col_vocabulary();

    @Message("Name")
    String col_name();

    @Message("Role")
    String col_role();

    @Message("Block")
    String col_block();

    @Message("Language")
    String col_language();

    @Message("WhatsApp")
    String col_whatsapp();

    @Message("{#if days > 0}{days} {#if days == 1}day{#else}days{/if}{/if}{#if days > 0 && hours > 0} {/if}"
            + "{#if hours > 0}{hours} {#if hours == 1}hour{#else}hours{/if}{/if}"
            + "{#if days == 0 && hours == 0}{minutes} min{/if}")
    String duration(long days, long hours, long minutes);

    @Message("{count} entries, {words} words")
    String vocabulary_summary(int count, int words);

    @Message("Edit")
    String edit();

    @Message("Edit: {name}")
    String edit_title(String name);

    @Message("Name in Hindi")
    String field_name_hi();

    @Message("Name in English")
    String field_name_en();

    @Message("Service level (time to resolve at level 1)")
    String field_service_level();

    @Message("{#when unit}{#is 'hours'}hours{#is 'days'}days{#else}{unit}{/when}")
    String unit(String unit);

    @Message("Officer for {block}")
    String field_officer(String block);

    @Message("Level 2 (district head of the department)")
    String field_level2();

    @Message("Level 3 (optional; usually the collector)")
    String field_level3();

    @Message("– none –")
    String none();

    @Message("Vocabulary: entries separated by commas (an entry may hold several words)")
    String field_vocabulary();

    @Message("Name")
    String field_name();

    @Message("Role")
    String field_role();

    @Message("Department (none for the collector's office)")
    String field_department();

    @Message("Block (none for district-level officials)")
    String field_block();

    @Message("WhatsApp number for alerts (digits with the country code, e.g. 919876543210)")
    String field_whatsapp();

    @Message("Language of alerts")
    String field_language();

    @Message("Save")
    String save();

    @Message("Back to the directory")
    String back_to_directory();

    @Message("Saved {name}: the directory is now at version {version}.")
    String saved(String name, int version);

    @Message("The directory changed since you opened this form (version {from} → {to}); here is the current entry; "
            + "your changes are kept below, apply them again.")
    String conflict(int from, int to);

    @Message("The current entry")
    String conflict_current();

    @Message("{#when field}{#is 'serviceLevel'}the service level{#is 'officers'}the block officers"
            + "{#is 'escalation'}the escalation ladder{#is 'vocabulary'}the vocabulary{#is 'name'}the name"
            + "{#is 'role'}the role{#is 'departmentCode'}the department{#is 'block'}the block"
            + "{#is 'whatsapp'}the WhatsApp number{#is 'language'}the language{#is 'reason'}the reason"
            + "{#else}the form{/when}")
    String field_label(String field);
}

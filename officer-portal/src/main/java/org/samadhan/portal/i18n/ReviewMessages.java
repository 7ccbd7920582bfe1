package org.samadhan.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The review page's strings in English; {@code messages/review_hi.properties} gives each in Hindi (a test keeps the
 * two complete). Templates use them as {@code {review:key}}.
 */
@MessageBundle(value = "review", locale = "en")
public interface ReviewMessages {

    @Message("Review")
    String nav_review();

    @Message("Balod district: review")
    String heading_district();

    @Message("{name}: review")
    String heading_department(String name);

    @Message("{name}, {block} block: review")
    String heading_block(String name, String block);

    @Message("Period")
    String period();

    @Message("{#when preset}{#is 'this-week'}This week{#is 'last-week'}Last week{#is 'last-30-days'}Last 30 days"
            + "{#is 'this-month'}This month{#else}Dates{/when}")
    String preset(String preset);

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Show")
    String show();

    @Message("{from} to {to}, both days included (IST)")
    String period_shown(String from, String to);

    @Message("Open, overdue and ageing as at {at}.")
    String stock_at(String at);

    @Message("The period has ended: open and overdue are as they stood at its end, so they do not link to today's worklist.")
    String stocks_past();

    @Message("That period cannot be shown (a date is not valid, “from” is after “to”, or it is longer than 400 days). This week is shown instead.")
    String error_period();

    @Message("That department or block is not in the district's directory. Start again from the review's first page.")
    String error_filter();

    @Message("Review's first page")
    String start_again();

    @Message("District")
    String crumb_district();

    @Message("{#when cut}{#is 'block'}By block{#is 'officer'}By official{#else}By department{/when}")
    String table_caption(String cut);

    @Message("{#when cut}{#is 'block'}Block{#is 'officer'}Official{#else}Department{/when}")
    String col_name(String cut);

    @Message("{#when column}{#is 'RECEIVED'}Received{#is 'OPEN'}Open{#is 'OVERDUE'}Overdue"
            + "{#is 'AWAITING'}Awaiting the citizen{#is 'REOPENED'}Reopened (citizen not satisfied)"
            + "{#is 'DISPUTED'}Disputed{#is 'RESOLVED'}Resolved (officer's claim)"
            + "{#is 'CLOSED_VERIFIED'}Closed, citizen confirmed{#is 'CLOSED_UNVERIFIED'}Closed, citizen silent"
            + "{#is 'VERIFIED_CLOSURE_RATE'}Verified closure rate{#is 'SLA_COMPLIANCE'}Resolved within deadline"
            + "{#is 'MEDIAN_HOURS'}Median hours to resolve{#is 'P90_HOURS'}90th percentile hours to resolve"
            + "{#is 'SATISFACTION'}Satisfied{#is 'AVERAGE_RATING'}Average rating"
            + "{#is 'FIRST_TIME_RIGHT'}Routed right first time{#is 'GRADE'}Grade (0–100){#is 'RANK'}Rank{/when}")
    String column(String column);

    @Message("Show {name} by {#when cut}{#is 'block'}block{#else}official{/when}")
    String drill(String name, String cut);

    @Message("Total")
    String total();

    @Message("No official")
    String no_official();

    @Message("No block")
    String no_block();

    @Message("Not yet routed")
    String not_routed();

    @Message("too few")
    String too_few();

    @Message("“too few”: fewer than {minimum} observations in the period. Such a figure is not shown as a number, and such a row has no grade and no rank.")
    String too_few_note(int minimum);

    @Message("Linked counts open the worklist behind them. Figures of the period (received, resolved, closures, reopened) have no worklist, so they are not linked.")
    String links_note();

    @Message("Nothing to review in this period.")
    String empty();

    @Message("Grade ranking")
    String ranking();

    @Message("Grade = 50 × verified closure rate + 20 × resolved within deadline + 10 × (1 − share of open grievances over 50 days) + 10 × (1 − reopen rate) + 10 × share acknowledged within a day.")
    String grade_formula();

    @Message("not ranked (too few)")
    String unranked();

    @Message("Open grievances by age")
    String ageing();

    @Message("Open grievances by days since registration; darker cells hold more. Each cell gives its number.")
    String ageing_caption();

    @Message("{#when bucket}{#is '0-7'}0–7 days{#is '8-21'}8–21 days{#is '22-50'}22–50 days{#is 'over-50'}Over 50 days{#else}{bucket}{/when}")
    String bucket(String bucket);

    @Message("Shading")
    String legend();

    @Message("{#if level == 0}none{#else if from == to}{from}{#else}{from}–{to}{/if}")
    String shade(int level, long from, long to);

    @Message("Last 8 weeks")
    String trend();

    @Message("Received and resolved per week (bars, left scale) and the verified closure rate (line, right scale).")
    String trend_caption();

    @Message("Week from")
    String week();

    @Message("Received")
    String received();

    @Message("Resolved")
    String resolved();

    @Message("Verified closure rate")
    String rate();

    @Message("{week}: {what} {value}")
    String count_title(String week, String what, long value);

    @Message("{week}: verified closure rate {rate}")
    String rate_title(String week, String rate);

    @Message("Download CSV (English)")
    String csv_en();

    @Message("Download CSV (Hindi)")
    String csv_hi();

    @Message("Print")
    String print();

    @Message("Printing (or Ctrl+P) gives the weekly review on A4.")
    String print_hint();
}

package org.samadhan.analytics;

/**
 * The department grade, 0-100, in the spirit of the state helplines' monthly grading (README: "The department
 * grade"): 50 x verified closure rate + 20 x SLA compliance + 10 x (1 - share of open grievances older than 50 days)
 * + 10 x (1 - reopen rate) + 10 x share acknowledged within a day. None when any rate in it is too few to judge.
 */
public final class DepartmentGrade {

    private DepartmentGrade() {
    }

    public static Double of(Double verifiedClosureRate, Double slaCompliance, long openOver50Days, long open,
                            Double reopenRate, Double acknowledgedWithinADay) {
        if (verifiedClosureRate == null || slaCompliance == null || reopenRate == null
                || acknowledgedWithinADay == null) {
            return null;
        }
        double oldShare = open == 0 ? 0 : openOver50Days / (double) open;
        double grade = 50 * verifiedClosureRate + 20 * slaCompliance + 10 * (1 - oldShare)
                + 10 * (1 - reopenRate) + 10 * acknowledgedWithinADay;
        return ReviewRow.round(grade, 1);
    }
}

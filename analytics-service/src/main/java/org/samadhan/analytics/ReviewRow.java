package org.samadhan.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samadhan.analytics.persistence.ReviewQueries.Flows;
import org.samadhan.analytics.persistence.ReviewQueries.Key;
import org.samadhan.analytics.persistence.ReviewQueries.Stocks;

/**
 * One line of the collector's review, every figure of review-figures.md. Rates are fractions (0-1, four decimals),
 * times in hours (two decimals); a rate or time over fewer observations than the minimum is null and named in
 * {@code tooFew}, and such a row has no grade.
 */
public record ReviewRow(
        String departmentCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) String block,
        @JsonInclude(JsonInclude.Include.NON_NULL) String officerId,
        long received, long assigned, long escalated, long escalatedToLevel2, long escalatedToLevel3, long reopened,
        long disputed, long transferred, long resolved, long resolvedOnTime, long closedVerified,
        long closedUnverified,
        long open, Map<String, Long> openByStatus, Map<String, Long> openByLevel, long overdue,
        Map<String, Long> ageing,
        Double slaCompliance, Double verifiedClosureRate, Double reopenRate, Double firstTimeRight,
        Double satisfaction, Double averageRating, Double acknowledgedWithinADay,
        Double medianHoursToAcknowledge, Double p90HoursToAcknowledge,
        Double medianHoursToResolve, Double p90HoursToResolve,
        Double medianHoursToClose, Double p90HoursToClose,
        Double grade, Integer rank, List<String> tooFew) {

    /** The row of {@code key} from its flows and stocks (either may be absent: none). */
    public static ReviewRow of(Key key, Flows f, Stocks s, int minimum) {
        f = f == null ? Flows.NONE : f;
        s = s == null ? Stocks.NONE : s;
        List<String> tooFew = new ArrayList<>();
        var rates = new Object() {
            Double rate(String name, long part, long whole) {
                if (whole < minimum) {
                    tooFew.add(name);
                    return null;
                }
                return round(part / (double) whole, 4);
            }

            Double hours(String name, long count, Double seconds) {
                if (count < minimum || seconds == null) {
                    tooFew.add(name);
                    return null;
                }
                return round(seconds / 3600, 2);
            }
        };
        long closedOrReopened = f.closedVerified() + f.closedUnverified() + f.reopened();
        long answers = f.closedVerified() + f.reopened();
        Double sla = rates.rate("slaCompliance", f.resolvedOnTime(), f.resolved());
        Double verified = rates.rate("verifiedClosureRate", f.closedVerified(), closedOrReopened);
        Double reopen = rates.rate("reopenRate", f.reopened(), f.resolved());
        Double firstTimeRight = rates.rate("firstTimeRight", f.firstTimeRight(), f.assigned());
        Double satisfaction = rates.rate("satisfaction", f.closedVerified(), answers);
        Double rating = null;
        if (f.rated() < minimum || f.averageRating() == null) {
            tooFew.add("averageRating");
        } else {
            rating = round(f.averageRating(), 2);
        }
        Double withinADay = rates.rate("acknowledgedWithinADay", f.acknowledgedWithinADay(), f.acknowledged());
        Double ackP50 = rates.hours("medianHoursToAcknowledge", f.acknowledged(), f.acknowledgeP50());
        Double ackP90 = rates.hours("p90HoursToAcknowledge", f.acknowledged(), f.acknowledgeP90());
        Double resolveP50 = rates.hours("medianHoursToResolve", f.firstResolutions(), f.resolveP50());
        Double resolveP90 = rates.hours("p90HoursToResolve", f.firstResolutions(), f.resolveP90());
        long closures = f.closedVerified() + f.closedUnverified();
        Double closeP50 = rates.hours("medianHoursToClose", closures, f.closeP50());
        Double closeP90 = rates.hours("p90HoursToClose", closures, f.closeP90());
        Double grade = DepartmentGrade.of(verified, sla, s.ageOver50(), s.open(), reopen, withinADay);
        Map<String, Long> ageing = new LinkedHashMap<>();
        ageing.put("0-7", s.age0To7());
        ageing.put("8-21", s.age8To21());
        ageing.put("22-50", s.age22To50());
        ageing.put("over-50", s.ageOver50());
        return new ReviewRow(key.department(), key.block(), key.officer(), f.received(), f.assigned(), f.escalated(),
                f.escalatedToLevel2(), f.escalatedToLevel3(), f.reopened(), f.disputed(), f.transferred(),
                f.resolved(), f.resolvedOnTime(), f.closedVerified(), f.closedUnverified(), s.open(), s.byStatus(),
                s.byLevel(), s.overdue(), ageing, sla, verified, reopen, firstTimeRight, satisfaction, rating,
                withinADay, ackP50, ackP90, resolveP50, resolveP90, closeP50, closeP90, grade, null,
                List.copyOf(tooFew));
    }

    /** This row with its place in the ranking. */
    public ReviewRow ranked(int place) {
        return new ReviewRow(departmentCode, block, officerId, received, assigned, escalated, escalatedToLevel2,
                escalatedToLevel3, reopened, disputed, transferred, resolved, resolvedOnTime, closedVerified,
                closedUnverified, open, openByStatus, openByLevel, overdue, ageing, slaCompliance,
                verifiedClosureRate, reopenRate, firstTimeRight, satisfaction, averageRating, acknowledgedWithinADay,
                medianHoursToAcknowledge, p90HoursToAcknowledge, medianHoursToResolve, p90HoursToResolve,
                medianHoursToClose, p90HoursToClose, grade, place, tooFew);
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}

package org.samadhan.analytics.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.samadhan.analytics.InvalidInput;
import org.samadhan.analytics.ReviewRow;
import org.samadhan.analytics.ReviewService;

/**
 * The weekly review as CSV (RFC 4180) for the meeting: one line per row and a total, headers in English or Hindi,
 * rates as percentages, "too few" where the volume is under the minimum. Only codes, names and figures: no citizen,
 * phone number or complaint text can appear in it.
 */
final class ReviewCsv {

    enum Language {
        EN, HI;

        static Language parse(String value) {
            if (value == null || value.isBlank()) {
                return EN;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("lang", "lang must be en or hi");
            }
        }
    }

    private record Column(String en, String hi, Function<ReviewRow, Object> value) {
    }

    private static final Column RANK = new Column("Rank", "रैंक", ReviewRow::rank);

    private static final List<Column> FIGURES = List.of(
            new Column("Received", "प्राप्त", ReviewRow::received),
            new Column("Open", "लंबित", ReviewRow::open),
            new Column("Overdue", "समय-सीमा पार", ReviewRow::overdue),
            new Column("Open over 50 days", "50 दिन से अधिक लंबित", r -> r.ageing().get("over-50")),
            new Column("Escalated", "उच्च स्तर पर भेजे गए", ReviewRow::escalated),
            new Column("Transferred", "स्थानांतरित", ReviewRow::transferred),
            new Column("Resolved (officer)", "निराकृत (अधिकारी द्वारा)", ReviewRow::resolved),
            new Column("Closed, citizen satisfied", "बंद, नागरिक संतुष्ट", ReviewRow::closedVerified),
            new Column("Closed, no answer", "बंद, नागरिक का उत्तर नहीं", ReviewRow::closedUnverified),
            new Column("Reopened (not satisfied)", "पुनः खोले गए (असंतुष्ट)", ReviewRow::reopened),
            new Column("Disputed", "विवादित", ReviewRow::disputed),
            new Column("Verified closure rate %", "सत्यापित निराकरण दर %", r -> percent(r.verifiedClosureRate())),
            new Column("Within deadline %", "समय-सीमा में %", r -> percent(r.slaCompliance())),
            new Column("Reopen rate %", "पुनः खुलने की दर %", r -> percent(r.reopenRate())),
            new Column("Satisfied %", "संतुष्टि %", r -> percent(r.satisfaction())),
            new Column("Median hours to resolve", "निराकरण में घंटे (माध्यिका)", ReviewRow::medianHoursToResolve),
            new Column("90th percentile hours to resolve", "निराकरण में घंटे (90वाँ प्रतिशतक)",
                    ReviewRow::p90HoursToResolve),
            new Column("Grade (0-100)", "ग्रेड (0-100)", ReviewRow::grade),
            RANK);

    private ReviewCsv() {
    }

    static String write(ReviewService.Report report, Map<String, Map<String, String>> names, Language language) {
        boolean hindi = language == Language.HI;
        String tooFew = hindi ? "बहुत कम" : "too few";
        StringBuilder csv = new StringBuilder("\uFEFF"); // the byte-order mark makes spreadsheets read UTF-8 (Hindi)
        line(csv, hindi ? "विभाग कोड" : "Department code", hindi ? "विभाग" : "Department",
                hindi ? "विकासखंड" : "Block", hindi ? "अधिकारी" : "Official",
                FIGURES.stream().map(c -> hindi ? c.hi() : c.en()).toArray());
        String lang = hindi ? "hi" : "en";
        for (ReviewRow row : report.rows()) {
            Map<String, String> name = row.departmentCode() == null ? null : names.get(row.departmentCode());
            String department = row.departmentCode() == null ? (hindi ? "अभी विभाग तय नहीं" : "Not yet routed")
                    : name == null ? row.departmentCode() : name.getOrDefault(lang, row.departmentCode());
            line(csv, row.departmentCode(), department, row.block(), row.officerId(), values(row, tooFew));
        }
        line(csv, null, hindi ? "कुल" : "Total", null, null, values(report.total(), tooFew));
        return csv.toString();
    }

    private static Object[] values(ReviewRow row, String tooFew) {
        return FIGURES.stream().map(c -> {
            Object v = c.value().apply(row);
            return v != null ? v : c == RANK ? "" : tooFew; // an unranked row (the total) has no place, not "too few"
        }).toArray();
    }

    private static Object percent(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }

    private static void line(StringBuilder csv, Object a, Object b, Object c, Object d, Object[] rest) {
        Object[] first = {a, b, c, d};
        StringBuilder line = new StringBuilder();
        for (Object v : first) {
            field(line, v);
        }
        for (Object v : rest) {
            field(line, v);
        }
        csv.append(line, 0, line.length() - 1).append("\r\n");
    }

    private static void field(StringBuilder line, Object value) {
        String text = value == null ? "" : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        line.append(text).append(',');
    }
}

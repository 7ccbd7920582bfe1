package org.samadhan.analytics.rest;

import static org.samadhan.analytics.rest.GrievanceTimeline.register;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.samadhan.contracts.grievance.GrievanceEvent;

/**
 * The hand-made week of {@link ReviewScenarioTest}: 25 grievances of Balod district around the review week Monday
 * 2 to Sunday 8 November 2026 (IST), in PHE (72 h), ELECTRICITY (48 h) and PANCHAYAT (7 days), blocks Gurur and
 * Balod. Each line says what the grievance is there to prove; the figures it leads to are worked out in the test.
 */
final class ReviewScenario {

    /** Citizens by their keyed references; A, C and D file more than two grievances in November (IST). */
    final String a = citizen();
    final String b = citizen();
    final String c = citizen();
    final String d = citizen();
    final String e = citizen();
    /** Citizens' own words, which must never appear in an answer. */
    static final String PHONE_IN_COMPLAINT = "9876543210";

    final List<GrievanceTimeline> grievances = List.of(
            // G01 PHE Gurur: acknowledged after 6 h, resolved on time, confirmed with 5 stars.
            register("2026-11-02 09:00", "BLD-2026-000101", a, "Gurur", "हैंडपंप 10 दिन से खराब है, गाँव कुसुमकसा")
                    .assign("2026-11-02 09:05", "PHE").acknowledge("2026-11-02 15:05").resolve("2026-11-03 09:00")
                    .confirm("2026-11-03 18:00", 5),
            // G02 PHE Gurur: all before the week except its unverified closure (the citizen stayed silent 7 days).
            register("2026-10-26 10:00", "BLD-2026-000102", a, "Gurur", "नल जल योजना का नल नहीं लगा")
                    .assign("2026-10-26 10:05", "PHE").acknowledge("2026-10-26 16:05").resolve("2026-10-28 10:00")
                    .expire("2026-11-04 10:00"),
            // G03 PHE Gurur: reopened twice (to the head, then the collector), then confirmed with 4 stars.
            register("2026-11-02 11:00", "BLD-2026-000103", a, "Gurur", "पानी की टंकी से पानी नहीं आ रहा")
                    .assign("2026-11-02 11:05", "PHE").acknowledge("2026-11-02 13:05").resolve("2026-11-03 11:00")
                    .reject("2026-11-03 20:00").acknowledge("2026-11-04 10:00").resolve("2026-11-04 16:00")
                    .reject("2026-11-05 09:00").resolve("2026-11-06 12:00").confirm("2026-11-07 10:00", 4),
            // G04 PHE Gurur: not satisfied three times, the third with the collector: disputed, open and overdue.
            register("2026-11-02 12:00", "BLD-2026-000104", b, "Gurur", "हैंडपंप से लाल पानी आता है, आयरन ज़्यादा है")
                    .assign("2026-11-02 12:05", "PHE").acknowledge("2026-11-02 18:05").resolve("2026-11-03 12:00")
                    .reject("2026-11-03 19:00").resolve("2026-11-04 12:00").reject("2026-11-04 19:00")
                    .resolve("2026-11-05 12:00").reject("2026-11-05 19:00"),
            // G05 PHE Balod: transferred to PANCHAYAT, acknowledged there after 25 h 55 min, confirmed with 3 stars.
            register("2026-11-02 14:00", "BLD-2026-000105", citizen(), "Balod", "गाँव की नल-जल योजना बंद है")
                    .assign("2026-11-02 14:05", "PHE").transfer("2026-11-03 10:00", "PANCHAYAT")
                    .acknowledge("2026-11-03 16:00").resolve("2026-11-05 10:00").confirm("2026-11-06 10:00", 3),
            // G06 PHE Gurur: registered before the week, escalated by deadline L1->L2 and L2->L3 in it, resolved by
            // the collector on time and still waiting for the citizen's answer (RESOLVED, open) when its deadline
            // passed: not overdue, nobody owes it action.
            register("2026-10-30 10:00", "BLD-2026-000106", e, "Gurur", "बोरवेल की मोटर जल गई है")
                    .assign("2026-10-30 10:05", "PHE").remind("2026-11-01 22:05").escalate("2026-11-02 10:05")
                    .remind("2026-11-04 22:05").escalate("2026-11-05 10:05").acknowledge("2026-11-05 15:00")
                    .resolve("2026-11-07 10:00"),
            // G07 PHE Balod: escalated to the collector in October and left there: open, overdue, 29 days old.
            register("2026-10-10 10:00", "BLD-2026-000107", e, "Balod", "पाइपलाइन फूटी है, सड़क पर पानी बह रहा है")
                    .assign("2026-10-10 10:05", "PHE").acknowledge("2026-10-10 11:00").remind("2026-10-12 22:05")
                    .escalate("2026-10-13 10:05").escalate("2026-10-16 10:05"),
            // G08 PHE Balod: 59 days old at the week's end, with the collector; a note in the week counts nothing.
            register("2026-09-10 10:00", "BLD-2026-000108", citizen(), "Balod", "स्कूल का हैंडपंप दो महीने से बंद")
                    .assign("2026-09-10 10:05", "PHE").acknowledge("2026-09-11 10:00").escalate("2026-09-13 10:05")
                    .escalate("2026-09-16 10:05").note("2026-11-04 12:00"),
            // G09 PHE Balod: escalated to the collector in the week, resolved after that deadline (late), confirmed
            // without a rating.
            register("2026-10-27 09:00", "BLD-2026-000109", e, "Balod", "फ्लोराइड वाला पानी, बच्चों के दाँत खराब")
                    .assign("2026-10-27 09:05", "PHE").acknowledge("2026-10-27 10:05").escalate("2026-10-30 09:05")
                    .escalate("2026-11-02 09:05").resolve("2026-11-05 20:00").confirm("2026-11-06 10:00", null),
            // G10 PHE Balod: acknowledged exactly 24 h after assignment, resolved exactly at its deadline; 2 stars.
            register("2026-11-03 10:00", "BLD-2026-000110", citizen(), "Balod",
                    "नल कनेक्शन के पैसे लिए पर नल नहीं लगा, मेरा नंबर " + PHONE_IN_COMPLAINT)
                    .assign("2026-11-03 10:05", "PHE").acknowledge("2026-11-04 10:05").resolve("2026-11-06 10:05")
                    .confirm("2026-11-06 20:00", 2),
            // G11 PHE Gurur: acknowledged after 1 h, resolved the next day, 5 stars.
            register("2026-11-04 09:00", "BLD-2026-000111", a, "Gurur", "मोहल्ले का हैंडपंप हिलता है")
                    .assign("2026-11-04 09:05", "PHE").acknowledge("2026-11-04 10:05").resolve("2026-11-05 09:00")
                    .confirm("2026-11-05 19:00", 5),
            // G12 PHE Balod: acknowledged after 20 h (the next morning), 4 stars.
            register("2026-11-04 11:00", "BLD-2026-000112", e, "Balod", "पानी में बदबू आ रही है")
                    .assign("2026-11-04 11:05", "PHE").acknowledge("2026-11-05 07:05").resolve("2026-11-06 11:00")
                    .confirm("2026-11-07 09:00", 4),
            // G13 PHE Gurur: reopened once, open with the head (due after the week).
            register("2026-11-05 10:00", "BLD-2026-000113", b, "Gurur", "टंकी की सफाई नहीं हुई")
                    .assign("2026-11-05 10:05", "PHE").acknowledge("2026-11-05 12:05").resolve("2026-11-06 10:00")
                    .reject("2026-11-06 18:00"),
            // G14 PHE Gurur: resolved in the week, confirmed 5 minutes after it ended: RESOLVED at the week's end.
            register("2026-11-06 09:00", "BLD-2026-000114", citizen(), "Gurur", "सार्वजनिक नल की टोंटी टूटी है")
                    .assign("2026-11-06 09:05", "PHE").acknowledge("2026-11-06 10:05").resolve("2026-11-08 15:00")
                    .confirm("2026-11-09 00:05", 5),
            // G15 PHE Balod: registered 10 minutes before the week ended, acknowledged after it: ASSIGNED at the end.
            register("2026-11-08 23:50", "BLD-2026-000115", citizen(), "Balod", "रात से पानी नहीं आया")
                    .assign("2026-11-08 23:55", "PHE").acknowledge("2026-11-09 00:10"),
            // G16 PHE Balod: registered 10 minutes after the week began (IST; still 1 November in UTC), 3 stars.
            register("2026-11-02 00:10", "BLD-2026-000116", d, "Balod", "हैंडपंप का हत्था टूट गया")
                    .assign("2026-11-02 00:15", "PHE").acknowledge("2026-11-02 09:15").resolve("2026-11-03 12:00")
                    .confirm("2026-11-04 09:00", 3),
            // G17 PHE Gurur: registered and assigned 10 minutes before the week began (2 November in no time zone),
            // acknowledged 25 minutes after assignment, inside the week; 4 stars.
            register("2026-11-01 23:50", "BLD-2026-000117", d, "Gurur", "कुएँ का पानी पीने लायक नहीं")
                    .assign("2026-11-01 23:55", "PHE").acknowledge("2026-11-02 00:20").resolve("2026-11-03 10:00")
                    .confirm("2026-11-03 21:00", 4),
            // G18 ELECTRICITY Gurur: acknowledged after 1 h, 5 stars.
            register("2026-11-03 08:00", "BLD-2026-000118", c, "Gurur", "ट्रांसफार्मर जल गया है, 3 दिन से बिजली नहीं")
                    .assign("2026-11-03 08:05", "ELECTRICITY").acknowledge("2026-11-03 09:05")
                    .resolve("2026-11-04 08:00").confirm("2026-11-04 20:00", 5),
            // G19 ELECTRICITY Balod: acknowledged after 26 h, 1 star.
            register("2026-11-03 12:00", "BLD-2026-000119", c, "Balod", "बिजली का बिल बहुत ज़्यादा आया है")
                    .assign("2026-11-03 12:05", "ELECTRICITY").acknowledge("2026-11-04 14:05")
                    .resolve("2026-11-05 10:00").confirm("2026-11-05 18:00", 1),
            // G20 ELECTRICITY Gurur: escalated L1->L2 by deadline, acknowledged by the head: open with the head.
            register("2026-11-04 09:00", "BLD-2026-000120", c, "Gurur", "खंभे का तार टूटकर गिरा है")
                    .assign("2026-11-04 09:05", "ELECTRICITY").remind("2026-11-05 21:05")
                    .escalate("2026-11-06 09:05").acknowledge("2026-11-06 11:00"),
            // G21 ELECTRICITY Balod: reassigned by the head to Gurur's officer, who resolves it: RESOLVED at the end.
            register("2026-11-07 09:00", "BLD-2026-000121", citizen(), "Balod", "मीटर तेज़ चल रहा है")
                    .assign("2026-11-07 09:05", "ELECTRICITY").acknowledge("2026-11-07 10:05")
                    .reassign("2026-11-07 12:00", "Gurur").resolve("2026-11-08 10:00"),
            // G22 unrouted: the citizen named no place and routing could not place it; REGISTERED at the end.
            register("2026-11-07 15:00", "BLD-2026-000122", d, null, "मेरी शिकायत कोई नहीं सुनता, कृपया मदद करें"),
            // G23 ELECTRICITY Gurur: registered 10 minutes after the week ended (IST; still 8 November in UTC).
            register("2026-11-09 00:10", "BLD-2026-000123", c, "Gurur", "लो वोल्टेज से पंखा नहीं चलता")
                    .assign("2026-11-09 00:15", "ELECTRICITY"),
            // G24 PHE Gurur: registered 10 minutes before the week began, assigned after it began; acknowledged but
            // never resolved, so its deadlines took it to the head and then to the collector (due after the week).
            register("2026-11-01 23:50", "BLD-2026-000124", citizen(), "Gurur", "नया नल कनेक्शन चाहिए")
                    .assign("2026-11-02 00:05", "PHE").acknowledge("2026-11-02 08:05").escalate("2026-11-05 00:05")
                    .escalate("2026-11-08 00:05"),
            // G25 ELECTRICITY Balod: everything before the week and closed: in no figure.
            register("2026-10-20 10:00", "BLD-2026-000125", citizen(), "Balod", "गली की लाइट खराब")
                    .assign("2026-10-20 10:05", "ELECTRICITY").acknowledge("2026-10-20 12:00")
                    .resolve("2026-10-21 10:00").confirm("2026-10-21 18:00", 5));

    static String citizen() {
        return "cz-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Publishes the scenario on {@code grievance.events.v1}. */
    void publish() {
        GrievanceTimeline.publish(grievances);
    }

    /** Every citizen's reference, every complaint's words and every grievance id and number: none may leave. */
    List<String> private_() {
        List<String> values = new ArrayList<>(List.of(a, b, c, d, e, PHONE_IN_COMPLAINT, "वाशर", "पानी नहीं आ रहा"));
        for (GrievanceTimeline g : grievances) {
            for (GrievanceEvent event : g.events()) {
                values.add(event.citizenRef());
                values.add(event.grievanceId());
                values.add(event.grievanceNumber());
                if (event.description() != null) {
                    values.add(event.description());
                }
            }
        }
        return values.stream().distinct().toList();
    }
}

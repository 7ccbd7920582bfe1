package org.samadhan.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.contracts.notification.DeliveryOutcome;

/**
 * Who is alerted to what, as the README's table says it: one line per event (action, holder after it, holder before
 * it when it changed hands, disputed), then the alerts expected as {@code kind@official}.
 */
class OfficialAlertRulesTest {

    private static final List<String> RULES = List.of(
            "ASSIGN            phe-gurur -         -    | assigned@phe-gurur",
            "ASSIGN            -         -         -    |",
            "TRANSFER          pwd-gurur phe-gurur -    | assigned@pwd-gurur",
            "TRANSFER          phe-gurur -         -    |",
            "REASSIGN          phe-dondi phe-gurur -    | assigned@phe-dondi",
            "REMIND            phe-gurur -         -    | due@phe-gurur",
            "ESCALATE          phe-head  phe-gurur -    | escalated@phe-head escalated-away@phe-gurur",
            "ESCALATE          phe-gurur -         -    |",
            "REJECT_RESOLUTION phe-head  phe-gurur -    | escalated@phe-head rejected@phe-gurur",
            "REJECT_RESOLUTION collector phe-head  -    | escalated@collector rejected@phe-head",
            "REJECT_RESOLUTION collector -         true | disputed@collector",
            "REJECT_RESOLUTION phe-gurur -         -    |",
            "REGISTER          -         -         -    |",
            "ACKNOWLEDGE       phe-gurur -         -    |",
            "ADD_NOTE          phe-head  -         -    |",
            "RESOLVE           collector -         true |",
            "CONFIRM_RESOLVED  phe-head  -         -    |",
            "EXPIRE_FEEDBACK   phe-head  -         -    |");

    @Test
    void eachEventAlertsExactlyTheOfficialsTheTableNames() {
        for (String rule : RULES) {
            String[] sides = rule.split("\\|", -1);
            String[] event = sides[0].trim().split("\\s+");
            List<String> expected = Arrays.stream(sides[1].trim().split("\\s+")).filter(s -> !s.isEmpty())
                    .sorted().toList();
            List<String> alerts = OfficialAlerts.of(event(event[0], dash(event[1]), dash(event[2]),
                            "true".equals(event[3]))).stream()
                    .map(alert -> alert.kind().id() + "@" + alert.officialId()).sorted().toList();
            assertEquals(expected, alerts, rule);
        }
    }

    @Test
    void everyKindIsOneTheDeliveriesContractNames() {
        assertEquals(DeliveryOutcome.ALERT_KINDS, Arrays.stream(OfficialAlerts.Kind.values())
                .map(kind -> "official-" + kind.id()).toList());
    }

    @Test
    void anAlertsIdIsStableAndNamesTheGrievanceVersionOfficialAndKind() {
        GrievanceEvent event = event("ESCALATE", "phe-head", "phe-gurur", false);
        List<String> ids = OfficialAlerts.of(event).stream().map(alert -> alert.outboundId(event)).toList();
        assertEquals(List.of("alert:" + event.grievanceId() + ":4:phe-head:escalated",
                "alert:" + event.grievanceId() + ":4:phe-gurur:escalated-away"), ids);
        assertEquals(ids, OfficialAlerts.of(event).stream().map(alert -> alert.outboundId(event)).toList());
    }

    private static String dash(String value) {
        return "-".equals(value) ? null : value;
    }

    private static GrievanceEvent event(String action, String holder, String previous, boolean disputed) {
        return new GrievanceEvent(UUID.randomUUID().toString(), GrievanceEvent.eventTypeOf(action), Instant.now(),
                "BLD", UUID.nameUUIDFromBytes("BLD-2026-000417".getBytes()).toString(), "BLD-2026-000417", 4, action,
                "ASSIGNED", "ASSIGNED", new GrievanceEvent.Actor("deadline-watch", "SYSTEM"), null, "cz-7f3a9c2b41d8",
                "hi", "PHE", "Gurur", holder, 2, Instant.parse("2026-12-03T06:00:00Z"), null, null, null, previous,
                disputed ? true : null);
    }
}

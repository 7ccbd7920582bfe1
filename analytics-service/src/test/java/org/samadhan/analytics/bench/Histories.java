package org.samadhan.analytics.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.samadhan.analytics.Lifecycle;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.testsupport.TestDirectory;

/**
 * Realistic grievance histories for the benchmark, as grievance-service publishes them (test {@link Lifecycle}):
 * seven paths from verified closure to reopened twice, 6.5 events a grievance on average, departments and blocks
 * of the test directory in uneven shares, durations drawn around each department's own service level. The same
 * definitions build the events produced to Kafka and the rows {@link ProjectedGrievances} loads with SQL.
 */
final class Histories {

    /** What happens next, and after how long: {@code a + b·u + (c + d·u) · service level} hours, u uniform in [0, 1). */
    enum Step {
        REGISTER(0, 0, 0, 0), ASSIGN(0.05, 3.95, 0, 0), ACKNOWLEDGE(1, 29, 0, 0), NOTE(1, 23, 0, 0),
        REMIND(0, 0, 0.8, 0), RESOLVE(0, 0, 0.1, 1.1), RESOLVE_AGAIN(14.4, 72, 0, 0), CONFIRM(1, 71, 0, 0),
        EXPIRE(168, 0, 0, 0), REJECT(1, 47, 0, 0), ESCALATE(0, 0, 0.2, 0.2), TRANSFER(1, 23, 0, 0);

        final double a;
        final double b;
        final double c;
        final double d;

        Step(double a, double b, double c, double d) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
        }

        Duration after(double u, Duration serviceLevel) {
            double hours = a + b * u + (c + d * u) * serviceLevel.toSeconds() / 3600.0;
            return Duration.ofMillis(Math.round(hours * 3_600_000));
        }
    }

    /** One way a grievance goes, and the percentage of grievances that go that way. */
    record Path(String name, int percent, List<Step> steps) {
    }

    static final List<Path> PATHS = List.of(
            new Path("verified", 40, List.of(Step.REGISTER, Step.ASSIGN, Step.ACKNOWLEDGE, Step.NOTE, Step.RESOLVE,
                    Step.CONFIRM)),
            new Path("verified after a reminder", 10, List.of(Step.REGISTER, Step.ASSIGN, Step.ACKNOWLEDGE,
                    Step.REMIND, Step.NOTE, Step.RESOLVE, Step.CONFIRM)),
            new Path("unverified", 15, List.of(Step.REGISTER, Step.ASSIGN, Step.ACKNOWLEDGE, Step.NOTE, Step.RESOLVE,
                    Step.EXPIRE)),
            new Path("reopened", 12, List.of(Step.REGISTER, Step.ASSIGN, Step.ACKNOWLEDGE, Step.RESOLVE, Step.REJECT,
                    Step.RESOLVE_AGAIN, Step.CONFIRM)),
            new Path("reopened twice", 3, List.of(Step.REGISTER, Step.ASSIGN, Step.ACKNOWLEDGE, Step.RESOLVE,
                    Step.REJECT, Step.RESOLVE_AGAIN, Step.REJECT, Step.RESOLVE_AGAIN, Step.CONFIRM)),
            new Path("escalated", 10, List.of(Step.REGISTER, Step.ASSIGN, Step.ACKNOWLEDGE, Step.REMIND,
                    Step.ESCALATE, Step.RESOLVE_AGAIN, Step.EXPIRE)),
            new Path("transferred", 10, List.of(Step.REGISTER, Step.ASSIGN, Step.TRANSFER, Step.ACKNOWLEDGE,
                    Step.NOTE, Step.RESOLVE, Step.CONFIRM)));

    /** Departments by their share of grievances (percent); the other departments of the directory get none. */
    static final List<String> DEPARTMENTS = shares(List.of("PHE", "ELECTRICITY", "REVENUE", "PWD", "PANCHAYAT",
            "URBAN", "FOOD", "HEALTH", "EDUCATION", "WCD", "SOCIAL_WELFARE", "AGRICULTURE", "POLICE", "FOREST"),
            List.of(20, 18, 14, 10, 10, 6, 5, 5, 4, 2, 2, 2, 1, 1));

    static final List<String> BLOCKS = shares(TestDirectory.BLOCKS, List.of(25, 20, 20, 15, 20));

    static final DistrictDirectory DIRECTORY = TestDirectory.directory();

    private Histories() {
    }

    /** Where one grievance is filed: department, the department it may be transferred to, block, path. */
    record Grievance(String department, String transferTo, String block, Path path) {
    }

    static Grievance draw(Random random) {
        String department = pick(DEPARTMENTS, random);
        String transferTo = pick(DEPARTMENTS, random);
        if (transferTo.equals(department)) {
            transferTo = department.equals("REVENUE") ? "PANCHAYAT" : "REVENUE";
        }
        int p = random.nextInt(100);
        Path path = null;
        for (Path candidate : PATHS) {
            p -= candidate.percent();
            if (p < 0) {
                path = candidate;
                break;
            }
        }
        return new Grievance(department, transferTo, pick(BLOCKS, random), path);
    }

    /** The grievance's events, all of its path; times from {@code registeredAt}. */
    static List<GrievanceEvent> events(Random random, Grievance g, int number, Instant registeredAt,
                                       String citizenRef) {
        Lifecycle l = new Lifecycle(number, registeredAt, citizenRef);
        String department = g.department();
        List<String> ladder = new ArrayList<>(List.of(TestDirectory.officer(department, g.block()),
                TestDirectory.head(department), "collector"));
        int level = 1;
        for (Step step : g.path().steps()) {
            Duration after = step.after(random.nextDouble(), serviceLevel(department));
            Duration higher = DIRECTORY.escalatedDuration(DIRECTORY.department(department).orElseThrow());
            switch (step) {
                case REGISTER -> l.register(g.block());
                case ASSIGN -> l.assign(after, department, ladder.get(0), serviceLevel(department));
                case ACKNOWLEDGE -> l.acknowledge(after);
                case NOTE -> l.note(after);
                case REMIND -> l.remind(after);
                case RESOLVE, RESOLVE_AGAIN -> l.resolve(after);
                case CONFIRM -> l.confirm(after, rating(random));
                case EXPIRE -> l.expire(after);
                case REJECT -> l.reject(after, ladder.get(Math.min(level++, 2)), higher);
                case ESCALATE -> l.escalate(after, ladder.get(Math.min(level++, 2)), higher);
                case TRANSFER -> {
                    department = g.transferTo();
                    ladder = new ArrayList<>(List.of(TestDirectory.officer(department, g.block()),
                            TestDirectory.head(department), "collector"));
                    l.transfer(after, department, ladder.get(0), serviceLevel(department));
                }
            }
        }
        return l.events();
    }

    /** A rating on 70% of confirmations, mostly good. */
    static Integer rating(Random random) {
        if (random.nextDouble() >= 0.7) {
            return null;
        }
        int r = random.nextInt(100);
        return r < 35 ? 5 : r < 65 ? 4 : r < 80 ? 3 : r < 90 ? 2 : 1;
    }

    static Duration serviceLevel(String department) {
        return DIRECTORY.serviceLevel(department).orElseThrow();
    }

    private static String pick(List<String> shares, Random random) {
        return shares.get(random.nextInt(shares.size()));
    }

    /** Each value repeated by its percentage, so a uniform pick from the list follows the shares. */
    private static List<String> shares(List<String> values, List<Integer> percents) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            list.addAll(Collections.nCopies(percents.get(i), values.get(i)));
        }
        if (list.size() != 100) {
            throw new IllegalStateException("shares must add up to 100, not " + list.size());
        }
        return List.copyOf(list);
    }
}

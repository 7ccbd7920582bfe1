package org.samadhan.analytics.rest;

import java.time.Duration;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.testsupport.OfficialTokens;
import org.samadhan.testsupport.TestDirectory;

/**
 * The ladders of test-support's {@link TestDirectory} (which the review tests publish) as {@link GrievanceTimeline}
 * follows them: who holds a grievance at each level and for how long; and the collector's token for this service.
 */
final class ReviewDirectory {

    private static final DistrictDirectory DIRECTORY = TestDirectory.directory();
    static final Duration ESCALATED = Duration.parse(DIRECTORY.escalatedServiceLevel());

    private ReviewDirectory() {
    }

    static String officer(String department, String block) {
        return TestDirectory.officer(department, block);
    }

    static String head(String department) {
        return TestDirectory.head(department);
    }

    /** Who holds a grievance of {@code department} in {@code block} at {@code level}. */
    static String holder(String department, String block, int level) {
        return DIRECTORY.department(department).orElseThrow().holder(block, level);
    }

    /** How long level 1 of {@code department} has. */
    static Duration serviceLevel(String department) {
        return DIRECTORY.serviceLevel(department).orElseThrow();
    }

    /** A collector's token for analytics-service. */
    static String collector() {
        return OfficialTokens.token("analytics-service", "collector", "collector", null, null);
    }
}

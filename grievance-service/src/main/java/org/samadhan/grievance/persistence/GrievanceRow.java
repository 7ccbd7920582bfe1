package org.samadhan.grievance.persistence;

import java.time.Instant;
import java.util.UUID;
import org.samadhan.grievance.workflow.GrievanceStatus;

/** The current state of one grievance, as locked for a transition. */
public record GrievanceRow(UUID id, String districtCode, String number, GrievanceStatus status, long version,
                           String citizenRef, String language, String departmentCode, String block, String officerId,
                           int level, Instant dueAt) {

    public GrievanceRow assigned(GrievanceStatus next, String department, String newBlock, String officer,
                                 Instant due) {
        return new GrievanceRow(id, districtCode, number, next, version + 1, citizenRef, language, department,
                newBlock == null ? block : newBlock, officer, level, due);
    }
}

package org.samadhan.grievance.workflow;

/** Who acts. Officers, department heads and the collector come from OIDC roles; SYSTEM is the service itself. */
public enum Role {
    CITIZEN, OFFICER, DEPARTMENT_HEAD, COLLECTOR, SYSTEM
}

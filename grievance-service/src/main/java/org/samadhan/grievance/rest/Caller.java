package org.samadhan.grievance.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.samadhan.grievance.OfficerScope;
import org.samadhan.grievance.workflow.Role;

/** The signed-in official of this request, from their token: who they are and what they may see. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The official's id: the token's name (Keycloak's preferred_username, the directory's id), else its subject. */
    public String officialId() {
        return token.getName() != null ? token.getName() : token.getSubject();
    }

    /** The caller's role (the highest they hold) and scope. */
    public OfficerScope scope() {
        Role role = identity.hasRole("collector") ? Role.COLLECTOR
                : identity.hasRole("department_head") ? Role.DEPARTMENT_HEAD : Role.OFFICER;
        return new OfficerScope(officialId(), role, token.getClaim("department"), token.getClaim("block"));
    }
}

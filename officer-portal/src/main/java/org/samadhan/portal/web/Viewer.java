package org.samadhan.portal.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in official: who they are and the scope their token grants (the services enforce it; pages adapt). */
@RequestScoped
@Named("viewer")
public class Viewer {

    /** The official's rung on the ladder: officer 1, department head 2, collector 3. */
    public enum Role {
        OFFICER(1), DEPARTMENT_HEAD(2), COLLECTOR(3);

        public final int rung;

        Role(int rung) {
            this.rung = rung;
        }
    }

    private final String id;
    private final String name;
    private final Role role;
    private final String department;
    private final String block;

    /** In a web-app the injected token is the ID token, which carries the same department and block claims. */
    public Viewer(SecurityIdentity identity, JsonWebToken token) {
        this.role = identity.hasRole("collector") ? Role.COLLECTOR
                : identity.hasRole("department_head") ? Role.DEPARTMENT_HEAD : Role.OFFICER;
        this.id = token.getName() != null ? token.getName() : token.getSubject();
        String given = token.getClaim("given_name");
        this.name = given != null ? given : id;
        this.department = token.getClaim("department");
        this.block = token.getClaim("block");
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public String department() {
        return department;
    }

    public String block() {
        return block;
    }

    /** Heads and the collector narrow by block; an officer's block is fixed. */
    public boolean choosesBlock() {
        return role != Role.OFFICER;
    }

    /** Only the collector's scope spans departments. */
    public boolean choosesDepartment() {
        return role == Role.COLLECTOR;
    }

    public boolean isCollector() {
        return role == Role.COLLECTOR;
    }
}

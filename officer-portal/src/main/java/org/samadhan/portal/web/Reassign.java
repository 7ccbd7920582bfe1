package org.samadhan.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.client.GrievanceApi;

/**
 * The reassign form's official picker: the department's officials in the directory other than the holder
 * (grievance-service decides who may take it at its level and says why not).
 */
@ApplicationScoped
public class Reassign {

    /** An official to hand the grievance to: name, block and role for telling them apart. */
    public record Choice(String id, String name, String block, String role) {
    }

    private final Directory directory;

    public Reassign(Directory directory) {
        this.directory = directory;
    }

    List<Choice> choices(GrievanceApi.Grievance g) {
        return directory.get().officials().stream()
                .filter(o -> Objects.equals(o.departmentCode(), g.departmentCode()))
                .filter(o -> !o.id().equals(g.officerId()))
                .map(o -> new Choice(o.id(), o.name(), o.block(), o.role())).toList();
    }
}

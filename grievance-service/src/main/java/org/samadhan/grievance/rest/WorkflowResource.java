package org.samadhan.grievance.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.samadhan.grievance.workflow.Transition;
import org.samadhan.grievance.workflow.Workflow;

/** The lifecycle as data, for the officers' portal (which buttons to show) and for integrators. */
@Path("/api/workflow")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    /** Every transition: action, states it may be taken from, roles that may take it, resulting state. */
    @GET
    public List<Transition> transitions() {
        return Workflow.TRANSITIONS;
    }
}

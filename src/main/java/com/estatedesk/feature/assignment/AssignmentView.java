package com.estatedesk.feature.assignment;

import com.estatedesk.feature.people.model.PersonRef;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** An assignment, with the client and the marketer as a person reads them beside their ids. */
@JsonbPropertyOrder({"id", "clientId", "marketerId", "client", "marketer", "createdAt"})
public record AssignmentView(
        long id, long clientId, long marketerId, PersonRef client, PersonRef marketer, Instant createdAt) {
    static AssignmentView of(Assignment assignment, PersonRef client, PersonRef marketer) {
        return new AssignmentView(
                assignment.id(),
                assignment.clientId(),
                assignment.marketerId(),
                client,
                marketer,
                assignment.createdAt());
    }
}

package com.estatedesk.feature.assignment;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

@JsonbPropertyOrder({"id", "clientId", "marketerId", "createdAt"})
public record AssignmentView(long id, long clientId, long marketerId, Instant createdAt) {

    static AssignmentView of(Assignment assignment) {
        return new AssignmentView(
                assignment.id(), assignment.clientId(), assignment.marketerId(), assignment.createdAt());
    }
}

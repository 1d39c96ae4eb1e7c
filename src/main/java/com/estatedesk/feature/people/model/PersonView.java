package com.estatedesk.feature.people.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** How a marketer or client is shown; {@code accountId} only when the person can log in. */
@JsonbPropertyOrder({"id", "uid", "number", "name", "email", "phone", "status", "accountId", "createdAt"})
public record PersonView(
        long id,
        String uid,
        long number,
        String name,
        String email,
        String phone,
        PersonStatus status,
        Long accountId,
        Instant createdAt) {

    public static PersonView of(Person person) {
        return new PersonView(
                person.id(),
                person.uid(),
                person.number(),
                person.name(),
                person.email(),
                person.phone(),
                person.status(),
                person.accountId(),
                person.createdAt());
    }
}

package com.estatedesk.feature.people.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * How a marketer or client is shown; {@code accountId} only when the person has a login, and
 * {@code login} whether it works.
 */
@JsonbPropertyOrder({"id", "uid", "number", "name", "email", "phone", "status", "accountId", "login", "createdAt"})
public record PersonView(
        long id,
        String uid,
        long number,
        String name,
        String email,
        String phone,
        PersonStatus status,
        Long accountId,
        LoginState login,
        Instant createdAt) {

    public static PersonView of(Person person, LoginState login) {
        return new PersonView(
                person.id(),
                person.uid(),
                person.number(),
                person.name(),
                person.email(),
                person.phone(),
                person.status(),
                person.accountId(),
                login,
                person.createdAt());
    }
}

package com.estatedesk.feature.people.model;

import com.estatedesk.infra.query.ById;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;

/** A marketer or client as another representation points at it: the id, and the uid and name a person reads. */
@JsonbPropertyOrder({"id", "uid", "name"})
public record PersonRef(long id, String uid, String name) {

    public static PersonRef of(Person person) {
        return new PersonRef(person.id(), person.uid(), person.name());
    }

    public static Map<Long, PersonRef> clients(EntityManager em, Collection<Long> ids) {
        return ById.lookUp(em, "select p.id, p.uid, p.name from Client p", "p.id", ids, PersonRef::of);
    }

    public static Map<Long, PersonRef> marketers(EntityManager em, Collection<Long> ids) {
        return ById.lookUp(em, "select p.id, p.uid, p.name from Marketer p", "p.id", ids, PersonRef::of);
    }

    private static PersonRef of(Object[] row) {
        return new PersonRef((Long) row[0], (String) row[1], (String) row[2]);
    }
}

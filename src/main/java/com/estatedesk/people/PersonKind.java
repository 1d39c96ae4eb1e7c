package com.estatedesk.people;

import com.estatedesk.security.Role;
import com.estatedesk.sequence.SequenceKey;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/** The two kinds of people a company numbers; everything that differs between them is here. */
public enum PersonKind {
    MARKETER("marketer", "Marketer", SequenceKey.MKT, Role.MARKETER, Marketer::new,
            EnumSet.of(Role.COMPANY_ADMIN, Role.MARKETER)),
    CLIENT("client", "Client", SequenceKey.CLT, Role.CLIENT, Client::new,
            EnumSet.of(Role.COMPANY_ADMIN, Role.MARKETER, Role.CLIENT));

    private final String label;
    private final String entityName;
    private final SequenceKey sequenceKey;
    private final Role loginRole;
    private final Supplier<Person> factory;
    private final Set<Role> readers;

    PersonKind(String label, String entityName, SequenceKey sequenceKey, Role loginRole, Supplier<Person> factory,
               Set<Role> readers) {
        this.label = label;
        this.entityName = entityName;
        this.sequenceKey = sequenceKey;
        this.loginRole = loginRole;
        this.factory = factory;
        this.readers = readers;
    }

    String label() {
        return label;
    }

    /** The JPQL entity name. */
    String entityName() {
        return entityName;
    }

    SequenceKey sequenceKey() {
        return sequenceKey;
    }

    Role loginRole() {
        return loginRole;
    }

    Person newPerson() {
        return factory.get();
    }

    boolean readableBy(Role role) {
        return readers.contains(role);
    }
}

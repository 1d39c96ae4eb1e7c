package com.estatedesk.feature.people.model;

import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.problem.Conflict;
import com.estatedesk.platform.activity.ActivityView;
import com.estatedesk.platform.sequence.SequenceKey;
import java.util.function.Supplier;

/** The two kinds of people a company numbers; everything that differs between them is here. */
public enum PersonKind {
    MARKETER("marketer", Marketer.class, SequenceKey.MKT, Role.MARKETER, Marketer::new, Conflict.MARKETER_EMAIL),
    CLIENT("client", Client.class, SequenceKey.CLT, Role.CLIENT, Client::new, Conflict.CLIENT_EMAIL);

    private final String label;
    private final Class<? extends Person> entityClass;
    private final SequenceKey sequenceKey;
    private final Role loginRole;
    private final Supplier<Person> factory;
    private final Conflict emailConflict;

    PersonKind(
            String label,
            Class<? extends Person> entityClass,
            SequenceKey sequenceKey,
            Role loginRole,
            Supplier<Person> factory,
            Conflict emailConflict) {
        this.label = label;
        this.entityClass = entityClass;
        this.sequenceKey = sequenceKey;
        this.loginRole = loginRole;
        this.factory = factory;
        this.emailConflict = emailConflict;
    }

    public String label() {
        return label;
    }

    /** How the activity log names a person of this kind: "client", and "Name (UID)". */
    public ActivityView.Subject subject(Person person) {
        return ActivityView.Subject.of(label, person.id(), person.name() + " (" + person.uid() + ")");
    }

    /** The JPQL entity name. */
    public String entityName() {
        return entityClass.getSimpleName();
    }

    public Class<? extends Person> entityClass() {
        return entityClass;
    }

    public SequenceKey sequenceKey() {
        return sequenceKey;
    }

    public Role loginRole() {
        return loginRole;
    }

    /** A second person of this kind with the same email in the company. */
    public Conflict emailConflict() {
        return emailConflict;
    }

    public Person newPerson() {
        return factory.get();
    }
}

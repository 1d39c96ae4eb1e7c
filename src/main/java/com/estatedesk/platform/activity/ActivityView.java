package com.estatedesk.platform.activity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** An activity entry as GET /activity shows it: who did what to what, and when. */
@JsonbPropertyOrder({"id", "at", "actor", "action", "subject", "detail"})
public record ActivityView(long id, Instant at, Actor actor, String action, Subject subject, String detail) {

    /** Who: the login, its person's UID (marketers and clients), its name and role. */
    @JsonbPropertyOrder({"accountId", "uid", "name", "role"})
    public record Actor(long accountId, String uid, String name, String role) {}

    /** To what: a kind of record ("client", "estate", ...), its id and what a person reads for it. */
    @JsonbPropertyOrder({"type", "id", "label"})
    public record Subject(String type, Long id, String label) {

        public static Subject of(String type, long id, String label) {
            return new Subject(type, id, label);
        }
    }
}

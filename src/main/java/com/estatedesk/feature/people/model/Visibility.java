package com.estatedesk.feature.people.model;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.query.Jpql.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which people of the company the caller sees, and so acts for; the one statement of these rules.
 * The company itself is already fixed by the tenant filter and row-level security: these rules narrow
 * within it. A company admin sees everyone; a marketer sees the marketers and the clients assigned to
 * it; a client sees itself and no marketer. Any other caller sees no one.
 */
@ApplicationScoped
public class Visibility {

    /** Clients assigned to the marketer whose login is {@code :self}. */
    private static final String ASSIGNED_TO_SELF = "%s in (select va.clientId from Assignment va, Marketer vm"
            + " where va.marketerId = vm.id and vm.accountId = :self)";
    /** The client whose login is {@code :self}. */
    private static final String CLIENT_SELF = "%s in (select vc.id from Client vc where vc.accountId = :self)";

    @Inject
    Caller caller;

    /** A condition on a JPQL expression holding a client's id (a client's {@code id}, or a {@code clientId}). */
    public Condition ofClient(String clientId) {
        return switch (caller.role()) {
            case COMPANY_ADMIN -> Condition.ALWAYS;
            case MARKETER -> Condition.of(ASSIGNED_TO_SELF.formatted(clientId), "self", caller.accountId());
            case CLIENT -> Condition.of(CLIENT_SELF.formatted(clientId), "self", caller.accountId());
            default -> Condition.NEVER;
        };
    }

    /** A condition on the people of one kind, aliased {@code alias} in the query. */
    public Condition of(PersonKind kind, String alias) {
        if (kind == PersonKind.CLIENT) {
            return ofClient(alias + ".id");
        }
        return switch (caller.role()) {
            case COMPANY_ADMIN, MARKETER -> Condition.ALWAYS;
            default -> Condition.NEVER;
        };
    }
}

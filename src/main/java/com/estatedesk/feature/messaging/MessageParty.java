package com.estatedesk.feature.messaging;

import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.query.ById;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Who wrote or receives a message, as a person reads it: the login's account id (what a message is
 * addressed to), the uid of the marketer or client behind it (null for a company admin), the name and
 * the role.
 */
@JsonbPropertyOrder({"accountId", "uid", "name", "role"})
public record MessageParty(long accountId, String uid, String name, Role role) {

    /** The parties of these accounts, in three queries whatever their number. */
    static Map<Long, MessageParty> of(EntityManager em, Collection<Long> accountIds) {
        Map<Long, MessageParty> accounts = ById.lookUp(
                em,
                "select a.id, a.displayName, a.role from Account a",
                "a.id",
                accountIds,
                row -> new MessageParty((Long) row[0], null, (String) row[1], (Role) row[2]));
        Map<Long, MessageParty> parties = new HashMap<>(accounts);
        for (String people : new String[] {"Marketer", "Client"}) {
            ById.lookUp(
                            em,
                            "select p.accountId, p.uid, p.name from " + people + " p",
                            "p.accountId",
                            accounts.keySet(),
                            row -> row)
                    .forEach((accountId, row) -> parties.put(
                            accountId,
                            new MessageParty(
                                    accountId,
                                    (String) row[1],
                                    (String) row[2],
                                    accounts.get(accountId).role())));
        }
        return parties;
    }
}

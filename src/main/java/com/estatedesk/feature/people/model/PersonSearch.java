package com.estatedesk.feature.people.model;

import com.estatedesk.infra.query.Jpql;
import com.estatedesk.infra.query.Jpql.Condition;
import java.util.Locale;
import java.util.Map;

/** {@code ?q=} over people: a substring of the name or email, case-insensitive, or a prefix of the uid. */
public final class PersonSearch {

    private PersonSearch() {}

    /** On the person aliased {@code alias}; {@link Condition#ALWAYS} for no query. */
    public static Condition matching(String alias, String query) {
        if (query == null || query.isBlank()) {
            return Condition.ALWAYS;
        }
        String q = Jpql.likeLiteral(query.trim());
        return new Condition(
                ("lower(%1$s.name) like :contains escape '\\' or %1$s.email like :contains escape '\\'"
                                + " or %1$s.uid like :uidPrefix escape '\\'")
                        .formatted(alias),
                Map.of(
                        "contains",
                        "%" + q.toLowerCase(Locale.ROOT) + "%",
                        "uidPrefix",
                        q.toUpperCase(Locale.ROOT) + "%"));
    }
}

package com.estatedesk.infra.query;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The readable summaries of one page of rows, in one query: {@code select x.key, … from X x} restricted
 * to the keys the page points at ({@code key}: {@code x.id}, or another unique column), keyed by it. Runs in the caller's company like every query
 * (@Multitenant), so an id of another company simply finds nothing.
 */
public final class ById {

    private ById() {}

    public static <T> Map<Long, T> lookUp(
            EntityManager em, String selectKeyAndFrom, String key, Collection<Long> ids, Function<Object[], T> view) {
        Map<Long, T> found = new HashMap<>();
        List<Long> distinct =
                ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return found;
        }
        List<Object[]> rows = em.createQuery(selectKeyAndFrom + " where " + key + " in :ids", Object[].class)
                .setParameter("ids", distinct)
                .getResultList();
        for (Object[] row : rows) {
            found.put((Long) row[0], view.apply(row));
        }
        return found;
    }
}

package com.estatedesk.infra.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JPQL select assembled from optional conditions, each carrying its own parameters, so that a
 * condition and the values it names cannot drift apart. The one way the services build a query whose
 * filters depend on the request or on the caller.
 */
public final class Jpql {

    /** A boolean JPQL expression and the parameters it uses. */
    public record Condition(String text, Map<String, Object> parameters) {
        public static final Condition ALWAYS = new Condition("1 = 1", Map.of());
        /** Fails closed: a caller no rule covers sees nothing. */
        public static final Condition NEVER = new Condition("1 = 0", Map.of());

        public static Condition of(String text, String parameter, Object value) {
            return new Condition(text, Map.of(parameter, value));
        }
    }

    private final StringBuilder text;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Jpql(String selectFrom) {
        this.text = new StringBuilder(selectFrom).append(" where 1 = 1");
    }

    /** {@code select … from …}, without a where clause: conditions are added by {@link #and}. */
    public static Jpql select(String selectFrom) {
        return new Jpql(selectFrom);
    }

    public Jpql and(Condition condition) {
        if (condition != Condition.ALWAYS) {
            text.append(" and (").append(condition.text()).append(')');
            condition.parameters().forEach((name, value) -> {
                Object earlier = parameters.putIfAbsent(name, value);
                if (earlier != null && !earlier.equals(value)) {
                    throw new IllegalArgumentException("parameter :" + name + " bound to two values");
                }
            });
        }
        return this;
    }

    public Jpql and(String condition, String parameter, Object value) {
        return and(Condition.of(condition, parameter, Objects.requireNonNull(value, parameter)));
    }

    /** The condition only when the value is given (an optional filter of a list). */
    public Jpql andIfPresent(String condition, String parameter, Object value) {
        return value == null ? this : and(condition, parameter, value);
    }

    /** Text to be matched literally inside a LIKE pattern written with {@code escape '\\'}. */
    public static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public <T> TypedQuery<T> query(EntityManager em, String orderBy, Class<T> type) {
        TypedQuery<T> query = em.createQuery(text + " order by " + orderBy, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

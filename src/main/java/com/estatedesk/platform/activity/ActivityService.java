package com.estatedesk.platform.activity;

import com.estatedesk.infra.database.Database;
import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.query.Jpql;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reading the activity log, newest first: a company admin reads its company's (under the tenant filter
 * and row-level security), the platform admin every company's.
 */
@Stateless
public class ActivityService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Tenancy tenancy;

    @Inject
    Database database;

    /** What to list; every part optional. */
    public record Filter(Long company, Long actor, String subjectType, Long subjectId, Instant from, Instant to) {

        public static Filter of(
                String company, String actor, String subjectType, String subjectId, String from, String to) {
            return new Filter(
                    com.estatedesk.infra.rest.PathIds.filter(company, "company"),
                    com.estatedesk.infra.rest.PathIds.filter(actor, "actor"),
                    subjectType == null || subjectType.isBlank() ? null : subjectType.trim(),
                    com.estatedesk.infra.rest.PathIds.filter(subjectId, "subjectId"),
                    instant(from, "from", 0),
                    instant(to, "to", 1));
        }

        /** An ISO-8601 instant, or a day (UTC): "from" its start, "to" its end (the day is included). */
        private static Instant instant(String text, String parameter, int daysAfter) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return java.time.LocalDate.parse(text.trim())
                            .plusDays(daysAfter)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant();
                } catch (DateTimeParseException notADay) {
                    throw Problems.invalid(
                            parameter, "must be an ISO-8601 instant (2026-12-01T00:00:00Z) or day (2026-12-01)");
                }
            }
        }
    }

    public Page<ActivityView> list(PageRequest page, Filter filter) {
        // newest first: the cursor counts down from the largest id
        long below = Long.MAX_VALUE - page.after();
        if (caller.companyId() == null) {
            return Page.of(everyCompany(below, page.limit() + 1, filter), page, a -> Long.MAX_VALUE - a.id(), a -> a);
        }
        tenancy.bindToTransaction(caller.companyId());
        List<Activity> found = Jpql.select("select a from Activity a")
                .and("a.id < :below", "below", below)
                .andIfPresent("a.actorAccountId = :actor", "actor", filter.actor())
                .andIfPresent("a.subjectType = :subjectType", "subjectType", filter.subjectType())
                .andIfPresent("a.subjectId = :subjectId", "subjectId", filter.subjectId())
                .andIfPresent("a.at >= :from", "from", utc(filter.from()))
                .andIfPresent("a.at < :to", "to", utc(filter.to()))
                .query(em, "a.id desc", Activity.class)
                .setMaxResults(page.limit() + 1)
                .getResultList();
        return Page.of(found, page, a -> Long.MAX_VALUE - a.id(), Activity::view);
    }

    /** The platform admin's view, through the one function that reads every company's entries (V7_1). */
    private List<ActivityView> everyCompany(long below, int limit, Filter filter) {
        String select = database.isPostgreSql()
                ? "select * from platform_activity(?1, ?2, cast(?3 as bigint), cast(?4 as bigint), cast(?5 as text),"
                        + " cast(?6 as bigint), cast(?7 as timestamptz), cast(?8 as timestamptz))"
                : "select * from activity where id < ?1"
                        + " and (cast(?3 as bigint) is null or company_id = ?3)"
                        + " and (cast(?4 as bigint) is null or actor_account_id = ?4)"
                        + " and (cast(?5 as varchar) is null or subject_type = ?5)"
                        + " and (cast(?6 as bigint) is null or subject_id = ?6)"
                        + " and (cast(?7 as timestamp with time zone) is null or at >= ?7)"
                        + " and (cast(?8 as timestamp with time zone) is null or at < ?8)"
                        + " order by id desc limit ?2";
        @SuppressWarnings("unchecked")
        List<Activity> rows = em.createNativeQuery(select, Activity.class)
                .setParameter(1, below)
                .setParameter(2, limit)
                .setParameter(3, filter.company())
                .setParameter(4, filter.actor())
                .setParameter(5, filter.subjectType())
                .setParameter(6, filter.subjectId())
                .setParameter(7, utc(filter.from()))
                .setParameter(8, utc(filter.to()))
                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                .getResultList();
        return rows.stream().map(Activity::view).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

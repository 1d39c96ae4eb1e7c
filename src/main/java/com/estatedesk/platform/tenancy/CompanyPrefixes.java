package com.estatedesk.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Company prefixes by company id, read once per instance. Safe to keep without any coordination
 * between instances because a prefix never changes (a database trigger refuses it), and it saves a
 * query on every registration. Call inside a transaction.
 */
@ApplicationScoped
public class CompanyPrefixes {

    @PersistenceContext
    EntityManager em;

    private final Map<Long, String> known = new ConcurrentHashMap<>();

    public String of(long companyId) {
        String prefix = known.get(companyId);
        if (prefix == null) {
            prefix = em.find(Company.class, companyId).prefix();
            known.put(companyId, prefix);
        }
        return prefix;
    }
}

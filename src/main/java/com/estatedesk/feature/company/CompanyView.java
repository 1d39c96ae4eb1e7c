package com.estatedesk.feature.company;

import com.estatedesk.platform.tenancy.Company;
import com.estatedesk.platform.tenancy.CompanyStatus;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

@JsonbPropertyOrder({"id", "name", "slug", "prefix", "status", "createdAt"})
public record CompanyView(long id, String name, String slug, String prefix, CompanyStatus status, Instant createdAt) {

    static CompanyView of(Company company) {
        return new CompanyView(
                company.id(), company.name(), company.slug(), company.prefix(), company.status(), company.createdAt());
    }
}

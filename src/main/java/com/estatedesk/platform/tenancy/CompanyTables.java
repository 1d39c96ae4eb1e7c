package com.estatedesk.platform.tenancy;

import java.util.List;

/**
 * The tables whose rows belong to one company: exactly the tables with a {@code company_id} column,
 * the tables of the {@link CompanyOwned} entities, and the tables with a row-level security policy.
 * The audit checks each of them for rows without a company; {@code CompanyTablesTest} and
 * {@code CompanyIsolationIT} fail when the entity model or the database catalog disagrees with it, so a
 * new company table cannot go without its tenant filter, its policy or its audit check.
 */
public final class CompanyTables {

    public static final List<String> ALL = List.of(
            "account",
            "company_sequence",
            "marketer",
            "client",
            "assignment",
            "estate",
            "plot_size",
            "plot_number",
            "estate_plot",
            "estate_plot_number",
            "allocation",
            "message",
            "account_token",
            "activity");

    private CompanyTables() {}
}

package com.estatedesk.infra.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every 409 that a database rule backs, keyed by the rule's name in the migrations. A service that
 * checks a rule first throws {@link #problem()}; a request that races past the check and meets the
 * constraint at commit gets the same text from {@link FailureClassifier}. {@code ConflictTest} fails when
 * a name here is not in the migrations.
 */
public enum Conflict {
    COMPANY_NAME("uq_company_name", "name", "A company with this name already exists."),
    COMPANY_SLUG("uq_company_slug", "name", "A company with this slug already exists."),
    COMPANY_PREFIX("uq_company_prefix", "prefix", "This prefix is already taken by another company."),
    COMPANY_PREFIX_IMMUTABLE("ck_company_prefix_immutable", "prefix", "A company's prefix never changes."),
    ACCOUNT_EMAIL("uq_account_email", "email", "An account with this email already exists in the company."),
    MARKETER_EMAIL("uq_marketer_email", "email", "A marketer with this email already exists in the company."),
    CLIENT_EMAIL("uq_client_email", "email", "A client with this email already exists in the company."),
    PLATFORM_ADMIN_EMAIL("uq_platform_admin_email", "email", "A platform admin with this email already exists."),
    ASSIGNMENT("uq_assignment_pair", null, "This client is already assigned to this marketer."),
    ESTATE_NAME("uq_estate_name", "name", "An estate with this name already exists in the company."),
    PLOT_SIZE("uq_plot_size_size", "size", "This plot size already exists in the company."),
    PLOT_NUMBER("uq_plot_number_number", "number", "This plot number already exists in the company."),
    ESTATE_PLOT_SIZE("uq_estate_plot_size", "plotSizeId", "This estate already has plots of this size."),
    PLOT_NUMBER_LAID_OUT(
            "uq_estate_plot_number_once_per_estate",
            "plotNumberIds",
            "A plot number is already laid out in this estate."),
    PLOT_NUMBER_ALLOCATED("uq_allocation_plot_number", "plotNumberId", "This plot number is already allocated.");

    private final String constraint;
    /** The request field the conflict is about, so that a form marks it; null when it is the whole request. */
    private final String field;

    private final String detail;

    Conflict(String constraint, String field, String detail) {
        this.constraint = constraint;
        this.field = field;
        this.detail = detail;
    }

    public String constraint() {
        return constraint;
    }

    public ProblemException problem() {
        return field == null ? Problems.conflict(detail) : Problems.conflict(field, detail);
    }

    /** The conflict whose rule a database error message names (PostgreSQL quotes it, H2 names its index). */
    static Optional<Conflict> namedIn(String message) {
        return Arrays.stream(values())
                .filter(conflict -> message.contains(conflict.constraint))
                .findFirst();
    }
}

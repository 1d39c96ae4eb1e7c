package com.estatedesk.platform.tenancy;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Base of every company-owned entity. EclipseLink writes {@code company_id} on insert and adds
 * {@code company_id = ?} to every read, update and delete, from the tenant bound by {@link Tenancy}.
 * With no tenant bound, EclipseLink refuses the query: no company, no data.
 * <p>
 * Subclasses need a globally unique {@code @Id}: EclipseLink issues UPDATE and DELETE by primary key
 * alone, without the tenant column, so an id unique only within a company would reach other companies' rows.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "company_id", contextProperty = Tenancy.TENANT_PROPERTY)
public abstract class CompanyOwned {}

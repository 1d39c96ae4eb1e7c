package com.estatedesk.infra.database;

import java.sql.Connection;

/**
 * Fired by {@link DatabaseMigration} on PostgreSQL once the schema is current, with a connection as
 * the schema owner: the moment for an owner of database functions generated from code (the audit's) to
 * install them. Observers run in start-up, before the application serves anything; one that throws fails it.
 */
public record SchemaMigrated(Connection owner, String applicationRole) {}

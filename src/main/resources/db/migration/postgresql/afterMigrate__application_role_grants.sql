-- Runs after every migration: the application role (DB_USER) gets exactly what requests need, table by
-- table, and nothing more. It is not the owner, so it can neither alter tables nor switch row-level
-- security off. A table missing here is refused to the application (fails closed, and loudly in tests).
-- Skipped when the application and the owner are one role: readiness is then DOWN (see Database).
DO $$
DECLARE
    app TEXT := '${app_user}';
BEGIN
    IF app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', app);
    EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM %I', app);
    -- Platform rows: companies (created, renamed, suspended) and platform admins (bootstrap, password).
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON company, platform_admin TO %I', app);
    -- Company rows, under row-level security. Nothing of a company is ever deleted (people are
    -- deactivated, uids never reused) except an assignment (DELETE /assignments/{id}, reassignment).
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON account, company_sequence, marketer, client, assignment, estate,'
                   ' plot_size, plot_number, estate_plot, estate_plot_number, allocation, message TO %I', app);
    EXECUTE format('GRANT DELETE ON assignment TO %I', app);
    -- Shared operational state, purged by the service on a schedule.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key, token_revocation, scheduled_run TO %I', app);
    -- The login throttle: through its functions only (V5_3), never the table.
    EXECUTE format('GRANT EXECUTE ON FUNCTION count_login_attempt(TEXT, TEXT, TIMESTAMPTZ, INTERVAL),'
                   ' clear_login_attempts(TEXT, TEXT), purge_login_attempts(TIMESTAMPTZ) TO %I', app);
    -- Read-only: the public halves of the token keys, and the migration history (readiness).
    EXECUTE format('GRANT SELECT ON verification_key, ${flyway:table} TO %I', app);
    -- signing_key (private keys): no grant at all.
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION count_rows_with_id(TEXT, BIGINT) TO %I', app);
END $$;

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
    -- Platform rows. Companies are created and renamed by plain SQL; their status, and every write to
    -- platform admins, only through the functions made for it (V5_4).
    EXECUTE format('GRANT SELECT, INSERT, UPDATE (name, name_key) ON company TO %I', app);
    EXECUTE format('GRANT SELECT ON platform_admin TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION set_company_status(BIGINT, TEXT),'
                   ' set_platform_admin_password(BIGINT, TEXT, BOOLEAN), create_first_platform_admin(TEXT, TEXT),'
                   ' set_platform_admin_totp(BIGINT, TEXT, BOOLEAN, BOOLEAN), use_platform_admin_totp_step(BIGINT, BIGINT) TO %I', app);
    -- Company rows, under row-level security. Nothing of a company is ever deleted (people are
    -- deactivated, uids never reused) except an assignment (DELETE /assignments/{id}, reassignment).
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON account, company_sequence, marketer, client, assignment, estate,'
                   ' plot_size, plot_number, estate_plot, estate_plot_number, allocation, message TO %I', app);
    EXECUTE format('GRANT DELETE ON assignment TO %I', app);
    -- Who did what (V7): written and read under the company's row-level security, never changed or deleted.
    EXECUTE format('GRANT SELECT, INSERT ON activity TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION chain_activity(), activity_hash(TEXT, activity), activity_text(activity) TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION platform_activity(BIGINT, INTEGER, BIGINT, BIGINT, TEXT, BIGINT, TIMESTAMPTZ, TIMESTAMPTZ) TO %I', app);
    -- One-time links (V6): a company's under its row-level security; a used one is marked, never deleted.
    -- Which company a token is of: only for its holder, through a function.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON account_token TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION account_token_company(TEXT) TO %I', app);
    -- The outbox holds every company's links: written by the application, read only by the sender's
    -- functions (V6_1), which claim, mark and purge.
    EXECUTE format('GRANT INSERT ON outbox_email TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION claim_outbox_emails(INTEGER), outbox_email_sent(BIGINT),'
                   ' outbox_email_failed(BIGINT, TEXT), purge_outbox_emails(TIMESTAMPTZ), outbox_backlog() TO %I', app);
    -- Idempotent answers: under row-level security by caller (V5_4), purged through a function.
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON idempotency_key TO %I', app);
    EXECUTE format('GRANT EXECUTE ON FUNCTION purge_idempotency_keys(TIMESTAMPTZ) TO %I', app);
    -- Revocations: raised, read in commit order and purged through functions only, never rewritten.
    EXECUTE format('GRANT EXECUTE ON FUNCTION record_token_revocation(TEXT, INTEGER), token_revocations_since(xid8),'
                   ' purge_token_revocations(TIMESTAMPTZ) TO %I', app);
    -- Which instance runs today's scheduled job.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_run TO %I', app);
    -- The login throttle: through its functions only (V5_3), never the table.
    EXECUTE format('GRANT EXECUTE ON FUNCTION count_login_attempt(TEXT, TEXT, TIMESTAMPTZ, INTERVAL),'
                   ' clear_login_attempts(TEXT, TEXT), purge_login_attempts(TIMESTAMPTZ) TO %I', app);
    -- Read-only: the public halves of the token keys, and the migration history (readiness).
    EXECUTE format('GRANT SELECT ON verification_key, ${flyway:table} TO %I', app);
    -- signing_key (private keys): no grant at all.
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    -- A request for an id its company does not have: noted for operators, never answered.
    EXECUTE format('GRANT EXECUTE ON FUNCTION note_unknown_id(TEXT, BIGINT), purge_cross_company_attempts(TIMESTAMPTZ) TO %I', app);
END $$;

-- Runs after every migration: the application role (DB_USER) gets DML on the tables and nothing more.
-- It is not the owner, so it can neither alter tables nor switch row-level security off.
-- Skipped when the application and the owner are one role (a weaker setup readiness reports).
DO $$
BEGIN
    IF '${app_user}' <> current_user THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', '${app_user}');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', '${app_user}');
        -- the migration history is the owner's: the application may read it (readiness), not change it
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON ${flyway:table} FROM %I', '${app_user}');
    END IF;
END $$;

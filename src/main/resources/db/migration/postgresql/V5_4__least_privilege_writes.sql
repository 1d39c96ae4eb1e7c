-- Least privilege down to the SQL (issue 25, point 9). What the application role could still do that no
-- request needs: read other callers' stored idempotent answers, rewrite or delete revocations, set any
-- platform admin's password hash, set any company's status, and ask whether an id exists in another
-- company. Each of those is now a table under row-level security, or a function that does one thing as
-- the owner with the search path fixed; afterMigrate grants the functions and takes the table rights.

-- Idempotent answers hold names and emails. A company caller's keys are scoped "company:<id>:account:<id>",
-- a platform admin's "platform:<id>": a transaction reads the keys of the company bound to it, or, with
-- none bound, the platform's. A platform admin's answer may be written while a company is bound (creating
-- a company binds the new one to write its sequences), so the write check also admits platform keys.
ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
CREATE POLICY idempotency_key_isolation ON idempotency_key
    USING (caller LIKE coalesce('company:' || nullif(current_setting('app.company_id', true), '') || ':%', 'platform:%'))
    WITH CHECK (caller LIKE 'platform:%'
                OR caller LIKE 'company:' || nullif(current_setting('app.company_id', true), '') || ':%');

-- Housekeeping forgets expired keys of every caller, and nothing else.
CREATE FUNCTION purge_idempotency_keys(p_before TIMESTAMPTZ) RETURNS INTEGER
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH purged AS (DELETE FROM idempotency_key WHERE created_at < p_before RETURNING 1)
    SELECT count(*)::INTEGER FROM purged
$$;

-- Revocations: only ever raised, read in commit order, and forgotten when their tokens have expired.
-- A plain DELETE or a lowered generation would bring dead tokens back on an instance that starts later.
CREATE FUNCTION record_token_revocation(p_subject TEXT, p_generation INTEGER) RETURNS VOID
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    INSERT INTO token_revocation AS r (subject, min_generation, changed_at)
    VALUES (p_subject, p_generation, current_timestamp)
    ON CONFLICT (subject) DO UPDATE SET
        min_generation = greatest(r.min_generation, p_generation),
        changed_at = current_timestamp
$$;

-- p_from null: every row (an instance's first read).
CREATE FUNCTION token_revocations_since(p_from xid8) RETURNS TABLE (subject TEXT, min_generation INTEGER)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT subject, min_generation FROM token_revocation WHERE p_from IS NULL OR changed_xact >= p_from
$$;

CREATE FUNCTION purge_token_revocations(p_before TIMESTAMPTZ) RETURNS INTEGER
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH purged AS (DELETE FROM token_revocation WHERE changed_at < p_before RETURNING 1)
    SELECT count(*)::INTEGER FROM purged
$$;

-- A company's status: suspending ends its tokens (the generation rises), nothing else changes it.
-- Answers the generation after the change; no row when the company does not exist.
CREATE FUNCTION set_company_status(p_company BIGINT, p_status TEXT) RETURNS INTEGER
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    UPDATE company SET
        token_generation = token_generation + CASE WHEN status = 'ACTIVE' AND p_status = 'SUSPENDED' THEN 1 ELSE 0 END,
        status = p_status
    WHERE id = p_company
    RETURNING token_generation
$$;

-- A platform admin's password: a new one (p_end_tokens) ends every earlier token; a rehash at login
-- (stronger parameters, same password) does not.
CREATE FUNCTION set_platform_admin_password(p_admin BIGINT, p_hash TEXT, p_end_tokens BOOLEAN) RETURNS INTEGER
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    UPDATE platform_admin SET
        password_hash = p_hash,
        token_generation = token_generation + CASE WHEN p_end_tokens THEN 1 ELSE 0 END
    WHERE id = p_admin
    RETURNING token_generation
$$;

-- The first platform admin, once: nothing is inserted when one exists (instances starting together
-- serialise on the lock). Answers whether this call created it.
CREATE FUNCTION create_first_platform_admin(p_email TEXT, p_hash TEXT) RETURNS BOOLEAN
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('estatedesk.first-platform-admin'));
    IF EXISTS (SELECT 1 FROM platform_admin) THEN
        RETURN false;
    END IF;
    INSERT INTO platform_admin (id, email, password_hash, token_generation, created_at)
    VALUES (nextval('platform_admin_id_seq'), p_email, p_hash, 0, current_timestamp);
    RETURN true;
END $$;

-- A request for an id its company does not have. Whether the id is another company's is written here,
-- for operators (as the owner), and never answered: a function that answered it was an oracle about
-- other companies for anyone holding the application role. The company comes from app.company_id.
CREATE TABLE cross_company_attempt (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caller_company BIGINT      NOT NULL,
    table_name     TEXT        NOT NULL,
    row_id         BIGINT      NOT NULL,
    owner_company  BIGINT      NOT NULL,
    noted_at       TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
CREATE INDEX ix_cross_company_attempt_noted ON cross_company_attempt (noted_at);

CREATE FUNCTION note_unknown_id(p_table TEXT, p_id BIGINT) RETURNS VOID
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    caller BIGINT := nullif(current_setting('app.company_id', true), '')::bigint;
    found_in BIGINT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns c
                   WHERE c.table_schema = current_schema() AND c.table_name = p_table AND c.column_name = 'company_id') THEN
        RAISE EXCEPTION 'not a company-owned table: %', p_table USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF caller IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('SELECT company_id FROM %I WHERE id = $1 AND company_id <> $2', p_table) INTO found_in USING p_id, caller;
    IF found_in IS NOT NULL THEN
        INSERT INTO cross_company_attempt (caller_company, table_name, row_id, owner_company)
        VALUES (caller, p_table, p_id, found_in);
    END IF;
END $$;

CREATE FUNCTION purge_cross_company_attempts(p_before TIMESTAMPTZ) RETURNS INTEGER
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH purged AS (DELETE FROM cross_company_attempt WHERE noted_at < p_before RETURNING 1)
    SELECT count(*)::INTEGER FROM purged
$$;

DROP FUNCTION count_rows_with_id(TEXT, BIGINT);

REVOKE ALL ON FUNCTION purge_idempotency_keys(TIMESTAMPTZ), record_token_revocation(TEXT, INTEGER),
    token_revocations_since(xid8), purge_token_revocations(TIMESTAMPTZ), set_company_status(BIGINT, TEXT),
    set_platform_admin_password(BIGINT, TEXT, BOOLEAN), create_first_platform_admin(TEXT, TEXT),
    note_unknown_id(TEXT, BIGINT), purge_cross_company_attempts(TIMESTAMPTZ) FROM PUBLIC;

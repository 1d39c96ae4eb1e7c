-- The protections of part 6 on PostgreSQL.

-- A company's tokens under its row-level security, like every company row (V2_1).
ALTER TABLE account_token ENABLE ROW LEVEL SECURITY;
CREATE POLICY company_isolation_account_token ON account_token
    USING (company_id = nullif(current_setting('app.company_id', true), '')::bigint)
    WITH CHECK (company_id = nullif(current_setting('app.company_id', true), '')::bigint);

-- Which company a token belongs to, for the holder of the token only (the link carries no company): the
-- request then binds that company and reads the token under its row-level security. No row: unknown.
CREATE FUNCTION account_token_company(p_token_hash TEXT) RETURNS TABLE (company_id BIGINT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT company_id FROM account_token WHERE token_hash = p_token_hash
$$;

-- The outbox holds every company's links: the application role writes an email and hands it to the
-- sender through these functions, and never reads the table.
CREATE INDEX ix_outbox_email_due ON outbox_email (next_attempt_at) WHERE sent_at IS NULL;

-- Due emails, locked for this transaction: another instance skips them (sent once), and a crash before
-- commit leaves them due again.
CREATE FUNCTION claim_outbox_emails(p_limit INTEGER)
    RETURNS TABLE (id BIGINT, recipient TEXT, subject TEXT, body TEXT, attempts INTEGER)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT id, recipient, subject, body, attempts FROM outbox_email
    WHERE sent_at IS NULL AND next_attempt_at <= current_timestamp
    ORDER BY next_attempt_at
    LIMIT p_limit
    FOR UPDATE SKIP LOCKED
$$;

CREATE FUNCTION outbox_email_sent(p_id BIGINT) RETURNS VOID
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    UPDATE outbox_email SET sent_at = current_timestamp, body = '', last_error = NULL WHERE id = p_id
$$;

-- Retried with backoff: 2, 4, 8 ... seconds after each failure, at most 5 minutes apart.
CREATE FUNCTION outbox_email_failed(p_id BIGINT, p_error TEXT) RETURNS VOID
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    UPDATE outbox_email SET
        attempts = attempts + 1,
        next_attempt_at = current_timestamp + make_interval(secs => least(300, power(2, least(attempts + 1, 20))::integer)),
        last_error = left(p_error, 500)
    WHERE id = p_id
$$;

-- Sent emails are forgotten after a while; unsent ones are kept however old (an operator sees them).
CREATE FUNCTION purge_outbox_emails(p_before TIMESTAMPTZ) RETURNS INTEGER
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH purged AS (DELETE FROM outbox_email WHERE sent_at < p_before RETURNING 1)
    SELECT count(*)::INTEGER FROM purged
$$;

-- For operators and readiness: how many are waiting, and since when.
CREATE FUNCTION outbox_backlog() RETURNS TABLE (waiting BIGINT, oldest TIMESTAMPTZ)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT count(*), min(created_at) FROM outbox_email WHERE sent_at IS NULL
$$;

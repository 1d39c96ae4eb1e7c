-- The login throttle's counts, reachable by the application role only through these three functions
-- (afterMigrate grants nothing on the table itself): it can neither read other logins' attempts (their
-- emails and company slugs) nor clear a count with a plain DELETE. Each function does one thing the
-- service needs, as the owner, with the search path fixed.

-- Counts one attempt of (company as typed, email) and answers the count and the window's start, in one
-- statement: the row's lock orders concurrent attempts of one pair. A window over starts afresh.
CREATE FUNCTION count_login_attempt(p_company_key TEXT, p_email TEXT, p_now TIMESTAMPTZ, p_window INTERVAL)
    RETURNS TABLE (attempt_count INTEGER, window_start TIMESTAMPTZ)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    INSERT INTO login_attempt AS a (company_key, email, attempts, window_started)
    VALUES (p_company_key, p_email, 1, p_now)
    ON CONFLICT (company_key, email) DO UPDATE SET
        attempts = CASE WHEN a.window_started <= p_now - p_window THEN 1 ELSE a.attempts + 1 END,
        window_started = CASE WHEN a.window_started <= p_now - p_window THEN p_now ELSE a.window_started END
    RETURNING a.attempts, a.window_started
$$;

-- A successful login: that pair starts afresh. Nothing else.
CREATE FUNCTION clear_login_attempts(p_company_key TEXT, p_email TEXT) RETURNS VOID
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    DELETE FROM login_attempt WHERE company_key = p_company_key AND email = p_email
$$;

-- Housekeeping: windows that started before p_before are over; answers how many were removed.
CREATE FUNCTION purge_login_attempts(p_before TIMESTAMPTZ) RETURNS INTEGER
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH purged AS (DELETE FROM login_attempt WHERE window_started <= p_before RETURNING 1)
    SELECT count(*)::INTEGER FROM purged
$$;

REVOKE ALL ON FUNCTION count_login_attempt(TEXT, TEXT, TIMESTAMPTZ, INTERVAL) FROM PUBLIC;
REVOKE ALL ON FUNCTION clear_login_attempts(TEXT, TEXT) FROM PUBLIC;
REVOKE ALL ON FUNCTION purge_login_attempts(TIMESTAMPTZ) FROM PUBLIC;

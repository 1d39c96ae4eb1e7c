-- The activity log on PostgreSQL: the company's row-level security, insert and read only for the
-- application role (afterMigrate), and a hash chain per company that the audit verifies.
ALTER TABLE activity ENABLE ROW LEVEL SECURITY;
CREATE POLICY company_isolation_activity ON activity
    USING (company_id = nullif(current_setting('app.company_id', true), '')::bigint)
    WITH CHECK (company_id = nullif(current_setting('app.company_id', true), '')::bigint);

CREATE UNIQUE INDEX uq_activity_chain ON activity (company_id, chain_seq);

-- What an entry's hash covers: every column but the hash itself, in a fixed text form.
CREATE FUNCTION activity_text(a activity) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws('|', a.chain_seq, a.company_id, a.id, (extract(epoch FROM a.at) * 1000000)::bigint,
                     a.actor_account_id, coalesce(a.actor_uid, ''), a.actor_name, a.actor_role, a.action,
                     a.subject_type, coalesce(a.subject_id::text, ''), coalesce(a.subject_label, ''),
                     coalesce(a.detail, ''))
$$;

CREATE FUNCTION activity_hash(previous TEXT, a activity) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(coalesce(previous, '') || '|' || activity_text(a), 'UTF8')), 'hex')
$$;

-- Each new entry takes the next position of its company's chain. The company's entries are chained one
-- at a time: the lock is held from the insert (the last statement of a write) to the commit.
CREATE FUNCTION chain_activity() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    head_seq BIGINT;
    head_hash TEXT;
BEGIN
    PERFORM pg_advisory_xact_lock(7301, (NEW.company_id % 2147483647)::integer);
    SELECT chain_seq, chain_hash INTO head_seq, head_hash
    FROM activity WHERE company_id = NEW.company_id ORDER BY chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(head_seq, 0) + 1;
    NEW.chain_hash := activity_hash(head_hash, NEW);
    RETURN NEW;
END $$;

CREATE TRIGGER chain_activity BEFORE INSERT ON activity FOR EACH ROW EXECUTE FUNCTION chain_activity();

-- The platform admin's view: every company's entries, newest first, for the one request that may see
-- them all (GET /activity as PLATFORM_ADMIN). Company callers read the table under their own security.
CREATE FUNCTION platform_activity(p_below BIGINT, p_limit INTEGER, p_company BIGINT, p_actor BIGINT,
                                  p_subject_type TEXT, p_subject_id BIGINT, p_from TIMESTAMPTZ, p_to TIMESTAMPTZ)
    RETURNS SETOF activity
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT * FROM activity
    WHERE id < p_below
      AND (p_company IS NULL OR company_id = p_company)
      AND (p_actor IS NULL OR actor_account_id = p_actor)
      AND (p_subject_type IS NULL OR subject_type = p_subject_type)
      AND (p_subject_id IS NULL OR subject_id = p_subject_id)
      AND (p_from IS NULL OR at >= p_from)
      AND (p_to IS NULL OR at < p_to)
    ORDER BY id DESC
    LIMIT p_limit
$$;

-- PostgreSQL-only guards for what the application must never do, even by mistake.

-- A company's prefix is part of every uid it ever issued: it never changes.
CREATE FUNCTION forbid_company_prefix_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.prefix IS DISTINCT FROM OLD.prefix THEN
        RAISE EXCEPTION 'company prefix is immutable (% -> %)', OLD.prefix, NEW.prefix
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_company_prefix_immutable';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER trg_company_prefix_immutable BEFORE UPDATE OF prefix ON company
    FOR EACH ROW EXECUTE FUNCTION forbid_company_prefix_change();

-- A sequence only ever grows: a lower value would hand out numbers again.
CREATE FUNCTION forbid_company_sequence_decrease() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.last_value < OLD.last_value THEN
        RAISE EXCEPTION 'company sequence % of company % may not go down (% -> %)',
            OLD.seq_key, OLD.company_id, OLD.last_value, NEW.last_value
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_company_sequence_grows';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER trg_company_sequence_grows BEFORE UPDATE OF last_value ON company_sequence
    FOR EACH ROW EXECUTE FUNCTION forbid_company_sequence_decrease();

-- Case-insensitive search (?q=) over names and emails of one company.
CREATE INDEX ix_marketer_company_name ON marketer (company_id, lower(name));
CREATE INDEX ix_client_company_name ON client (company_id, lower(name));

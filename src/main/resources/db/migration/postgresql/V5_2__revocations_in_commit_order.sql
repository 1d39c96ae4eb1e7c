-- Every instance reads the revocations that committed since its last read. A time column cannot say
-- which those are: a revoking transaction that waited 13 s on a row lock commits a row stamped with its
-- start, long behind any time window, and was never seen by the other instances. Transaction ids can:
-- each row carries the id of the transaction that last wrote it, and a reader that noted the oldest
-- transaction still running at its previous read (pg_snapshot_xmin) re-reads exactly the rows written
-- by that one or any later, so a row is seen by the first read after its commit, however late that is.
-- xid8 carries the epoch: it never wraps around.
ALTER TABLE token_revocation ADD COLUMN changed_xact xid8 DEFAULT pg_current_xact_id() NOT NULL;

-- Set by the database, not by the service's SQL: no writer can forget it or put another value there.
CREATE FUNCTION token_revocation_stamp_xact() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_xact := pg_current_xact_id();
    RETURN NEW;
END $$;

CREATE TRIGGER tr_token_revocation_stamp_xact
    BEFORE INSERT OR UPDATE ON token_revocation
    FOR EACH ROW EXECUTE FUNCTION token_revocation_stamp_xact();

CREATE INDEX ix_token_revocation_xact ON token_revocation (changed_xact);

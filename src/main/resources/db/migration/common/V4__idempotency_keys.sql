-- Idempotency-Key of creating POSTs: the first successful response, stored in the same transaction as
-- what it created, so that a retry with the same key returns it instead of creating again.
-- caller: the authenticated account the key is scoped to ('platform:<id>' or 'company:<id>:account:<id>').
-- fingerprint: SHA-256 of method, path and body; the same key with another request is refused.
CREATE TABLE idempotency_key (
    caller       VARCHAR(80)   NOT NULL,
    idem_key     VARCHAR(200)  NOT NULL,
    fingerprint  VARCHAR(64)   NOT NULL,
    response     VARCHAR(20000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (caller, idem_key)
);
CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);

-- EstateDesk schema, part 5: access that can be taken back, logins that cannot be guessed, and token
-- keys whose private half the application role never reads.

-- A suspended company keeps all its data; its logins and tokens stop working until it is ACTIVE again.
ALTER TABLE company ADD COLUMN status VARCHAR(20) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE company ADD CONSTRAINT ck_company_status CHECK (status IN ('ACTIVE', 'SUSPENDED'));

-- Token generations: every token carries the generation of its login (and of its company) at issue.
-- Deactivating, changing a password or suspending raises the generation, and every older token is dead.
-- Counters rather than timestamps: no clock of any instance takes part in the decision.
ALTER TABLE company ADD COLUMN token_generation INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE account ADD COLUMN token_generation INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE platform_admin ADD COLUMN token_generation INTEGER DEFAULT 0 NOT NULL;

-- What every instance must know to refuse a revoked token, read by all of them every second:
-- subject 'account:<id>', 'platform:<id>' or 'company:<id>' with the lowest generation still valid,
-- or 'token:<jti>' for one token ended by logout. Holds ids only (no company data, hence no company_id
-- and no row-level security). Rows older than twice the token lifetime are purged: every token they
-- could refuse has expired by then.
CREATE TABLE token_revocation (
    subject         VARCHAR(80) NOT NULL,
    min_generation  INTEGER     NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_token_revocation PRIMARY KEY (subject)
);
CREATE INDEX ix_token_revocation_changed ON token_revocation (changed_at);

-- Login attempts per (company slug as typed, email as typed, lower-cased) in the current 15-minute
-- window, shared by every instance. Keyed by what the caller sent, not by ids: an unknown email or
-- company is throttled exactly like a known one. Deleted on a successful login, purged when stale.
CREATE TABLE login_attempt (
    company_key     VARCHAR(100) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    attempts        INTEGER      NOT NULL,
    window_started  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_login_attempt PRIMARY KEY (company_key, email),
    CONSTRAINT ck_login_attempt_attempts CHECK (attempts >= 0)
);
CREATE INDEX ix_login_attempt_window ON login_attempt (window_started);

-- The public halves of every token signing key, stored or configured, for verification by every
-- instance. signing_key (the private halves) is the owner's alone: the application role has no grant
-- on it and reads this table instead.
CREATE TABLE verification_key (
    kid         VARCHAR(64)   NOT NULL,
    public_jwk  VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_verification_key PRIMARY KEY (kid)
);

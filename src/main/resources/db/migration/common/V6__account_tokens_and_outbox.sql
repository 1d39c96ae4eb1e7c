-- EstateDesk schema, part 6: logins that people set up themselves (invitations, password resets, email
-- changes by a link) and the email that carries those links.

-- One-time links. Only a SHA-256 of the token is kept: a copy of this table opens no account. A token is
-- dead when used, when expired, or when a newer one of its account made it so (used_at set by the
-- newer one). Company logins only: a platform admin's password is not reset by email.
CREATE SEQUENCE account_token_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE account_token (
    id          BIGINT       NOT NULL,
    company_id  BIGINT       NOT NULL,
    account_id  BIGINT       NOT NULL,
    purpose     VARCHAR(20)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    -- an email change: the address that the link confirms
    new_email   VARCHAR(254),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_account_token PRIMARY KEY (id),
    CONSTRAINT uq_account_token_company_id UNIQUE (company_id, id),
    CONSTRAINT uq_account_token_hash UNIQUE (token_hash),
    -- a company's token belongs to a login of that company
    CONSTRAINT fk_account_token_account FOREIGN KEY (company_id, account_id) REFERENCES account (company_id, id),
    CONSTRAINT ck_account_token_purpose CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET', 'EMAIL_CHANGE'))
);
CREATE INDEX ix_account_token_account ON account_token (company_id, account_id);

-- Email waiting to be sent, written in the transaction of the request that asked for it (an email is
-- never lost to a mail server that is down) and sent by whichever instance claims it first. The body of
-- a sent email is forgotten: its link is the mailbox's alone.
CREATE SEQUENCE outbox_email_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE outbox_email (
    id               BIGINT        NOT NULL,
    recipient        VARCHAR(254)  NOT NULL,
    subject          VARCHAR(200)  NOT NULL,
    body             VARCHAR(4000) NOT NULL,
    attempts         INTEGER       DEFAULT 0 NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_outbox_email PRIMARY KEY (id)
);

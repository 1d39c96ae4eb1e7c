-- EstateDesk schema, part 7: who did what. One row per write of the API (and per login, throttled login
-- and logout), written in the transaction of the write; never a password, token or hash.
CREATE SEQUENCE activity_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE activity (
    id                BIGINT        NOT NULL,
    company_id        BIGINT        NOT NULL,
    at                TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_account_id  BIGINT        NOT NULL,
    actor_uid         VARCHAR(40),
    actor_name        VARCHAR(254)  NOT NULL,
    actor_role        VARCHAR(20)   NOT NULL,
    action            VARCHAR(40)   NOT NULL,
    subject_type      VARCHAR(30)   NOT NULL,
    subject_id        BIGINT,
    subject_label     VARCHAR(300),
    detail            VARCHAR(1000),
    -- the company's chain (PostgreSQL, V7_1): position and SHA-256 over the previous entry's hash and
    -- this entry, so that an entry altered or removed afterwards shows
    chain_seq         BIGINT,
    chain_hash        VARCHAR(64),
    CONSTRAINT pk_activity PRIMARY KEY (id),
    -- also the index of a company's list, newest first
    CONSTRAINT uq_activity_company_id UNIQUE (company_id, id),
    CONSTRAINT fk_activity_company FOREIGN KEY (company_id) REFERENCES company (id)
);
CREATE INDEX ix_activity_subject ON activity (company_id, subject_type, subject_id);

-- EstateDesk schema, part 2: what a company does with its people.
-- Every reference between company-owned rows is a composite foreign key (company_id, x_id) →
-- x (company_id, id): no SQL at all can link rows of two companies.

CREATE SEQUENCE assignment_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE estate_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE plot_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE allocation_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE message_id_seq START WITH 50 INCREMENT BY 50;

-- A client looked after by a marketer.
CREATE TABLE assignment (
    id           BIGINT NOT NULL,
    company_id   BIGINT NOT NULL,
    client_id    BIGINT NOT NULL,
    marketer_id  BIGINT NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_assignment PRIMARY KEY (id),
    CONSTRAINT uq_assignment_company_id UNIQUE (company_id, id),
    CONSTRAINT uq_assignment_pair UNIQUE (company_id, client_id, marketer_id),
    CONSTRAINT fk_assignment_client_same_company FOREIGN KEY (company_id, client_id) REFERENCES client (company_id, id),
    CONSTRAINT fk_assignment_marketer_same_company FOREIGN KEY (company_id, marketer_id) REFERENCES marketer (company_id, id)
);
CREATE INDEX ix_assignment_marketer ON assignment (company_id, marketer_id, client_id);

CREATE TABLE estate (
    id           BIGINT         NOT NULL,
    company_id   BIGINT         NOT NULL,
    name         VARCHAR(200)   NOT NULL,
    name_key     VARCHAR(200)   NOT NULL,
    location     VARCHAR(300)   NOT NULL,
    size         DECIMAL(14, 4) NOT NULL,
    size_unit    VARCHAR(20)    NOT NULL,
    title_deed   VARCHAR(20)    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_estate PRIMARY KEY (id),
    CONSTRAINT uq_estate_company_id UNIQUE (company_id, id),
    CONSTRAINT uq_estate_name UNIQUE (company_id, name_key),
    CONSTRAINT fk_estate_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_estate_size CHECK (size > 0),
    CONSTRAINT ck_estate_size_unit CHECK (size_unit IN ('SQUARE_METERS', 'SQUARE_FEET', 'HECTARES', 'ACRES', 'SQUARE_KILOMETERS')),
    CONSTRAINT ck_estate_title_deed CHECK (title_deed IN ('FCDA_ROFO', 'FCDA_COFO', 'ROFO', 'GAZETTE'))
);

-- A plot size a company sells, e.g. "500 sqm".
CREATE TABLE plot_size (
    id          BIGINT      NOT NULL,
    company_id  BIGINT      NOT NULL,
    size        VARCHAR(50) NOT NULL,
    size_key    VARCHAR(50) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_plot_size PRIMARY KEY (id),
    CONSTRAINT uq_plot_size_company_id UNIQUE (company_id, id),
    CONSTRAINT uq_plot_size_size UNIQUE (company_id, size_key),
    CONSTRAINT fk_plot_size_company FOREIGN KEY (company_id) REFERENCES company (id)
);

-- A plot number of a company, e.g. "A-12".
CREATE TABLE plot_number (
    id          BIGINT      NOT NULL,
    company_id  BIGINT      NOT NULL,
    number      VARCHAR(50) NOT NULL,
    number_key  VARCHAR(50) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_plot_number PRIMARY KEY (id),
    CONSTRAINT uq_plot_number_company_id UNIQUE (company_id, id),
    CONSTRAINT uq_plot_number_number UNIQUE (company_id, number_key),
    CONSTRAINT fk_plot_number_company FOREIGN KEY (company_id) REFERENCES company (id)
);

-- The units of one plot size in one estate. available_units is decremented under a row lock by
-- each allocation and can never go below zero.
CREATE TABLE estate_plot (
    id               BIGINT  NOT NULL,
    company_id       BIGINT  NOT NULL,
    estate_id        BIGINT  NOT NULL,
    plot_size_id     BIGINT  NOT NULL,
    total_units      INTEGER NOT NULL,
    available_units  INTEGER NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_estate_plot PRIMARY KEY (id),
    CONSTRAINT uq_estate_plot_company_id UNIQUE (company_id, id),
    CONSTRAINT uq_estate_plot_size UNIQUE (company_id, estate_id, plot_size_id),
    CONSTRAINT fk_estate_plot_estate_same_company FOREIGN KEY (company_id, estate_id) REFERENCES estate (company_id, id),
    CONSTRAINT fk_estate_plot_size_same_company FOREIGN KEY (company_id, plot_size_id) REFERENCES plot_size (company_id, id),
    CONSTRAINT ck_estate_plot_units CHECK (total_units > 0 AND available_units >= 0 AND available_units <= total_units)
);

-- The plot numbers laid out in an estate plot; a plot number appears at most once per estate.
CREATE TABLE estate_plot_number (
    id              BIGINT NOT NULL,
    company_id      BIGINT NOT NULL,
    estate_id       BIGINT NOT NULL,
    estate_plot_id  BIGINT NOT NULL,
    plot_number_id  BIGINT NOT NULL,
    CONSTRAINT pk_estate_plot_number PRIMARY KEY (id),
    CONSTRAINT uq_estate_plot_number_company_id UNIQUE (company_id, id),
    CONSTRAINT uq_estate_plot_number_once_per_estate UNIQUE (company_id, estate_id, plot_number_id),
    CONSTRAINT fk_estate_plot_number_plot_same_company FOREIGN KEY (company_id, estate_plot_id) REFERENCES estate_plot (company_id, id),
    CONSTRAINT fk_estate_plot_number_estate_same_company FOREIGN KEY (company_id, estate_id) REFERENCES estate (company_id, id),
    CONSTRAINT fk_estate_plot_number_number_same_company FOREIGN KEY (company_id, plot_number_id) REFERENCES plot_number (company_id, id)
);

-- A unit of an estate plot allocated to a client; with a plot number for FULL payment.
CREATE TABLE allocation (
    id              BIGINT      NOT NULL,
    company_id      BIGINT      NOT NULL,
    client_id       BIGINT      NOT NULL,
    estate_id       BIGINT      NOT NULL,
    estate_plot_id  BIGINT      NOT NULL,
    plot_number_id  BIGINT,
    payment_type    VARCHAR(10) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_allocation PRIMARY KEY (id),
    CONSTRAINT uq_allocation_company_id UNIQUE (company_id, id),
    -- a plot number is allocated at most once per estate (NULLs, i.e. PART allocations, do not collide)
    CONSTRAINT uq_allocation_plot_number UNIQUE (company_id, estate_id, plot_number_id),
    CONSTRAINT fk_allocation_client_same_company FOREIGN KEY (company_id, client_id) REFERENCES client (company_id, id),
    CONSTRAINT fk_allocation_estate_same_company FOREIGN KEY (company_id, estate_id) REFERENCES estate (company_id, id),
    CONSTRAINT fk_allocation_plot_same_company FOREIGN KEY (company_id, estate_plot_id) REFERENCES estate_plot (company_id, id),
    CONSTRAINT fk_allocation_number_same_company FOREIGN KEY (company_id, plot_number_id) REFERENCES plot_number (company_id, id),
    CONSTRAINT ck_allocation_payment CHECK (payment_type IN ('FULL', 'PART')),
    CONSTRAINT ck_allocation_full_has_number CHECK (payment_type <> 'FULL' OR plot_number_id IS NOT NULL)
);
CREATE INDEX ix_allocation_client ON allocation (company_id, client_id);

-- A message between two logins of one company.
CREATE TABLE message (
    id                    BIGINT        NOT NULL,
    company_id            BIGINT        NOT NULL,
    sender_account_id     BIGINT        NOT NULL,
    recipient_account_id  BIGINT        NOT NULL,
    type                  VARCHAR(20)   NOT NULL,
    body                  VARCHAR(5000) NOT NULL,
    is_read               BOOLEAN       NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_message PRIMARY KEY (id),
    CONSTRAINT uq_message_company_id UNIQUE (company_id, id),
    CONSTRAINT fk_message_sender_same_company FOREIGN KEY (company_id, sender_account_id) REFERENCES account (company_id, id),
    CONSTRAINT fk_message_recipient_same_company FOREIGN KEY (company_id, recipient_account_id) REFERENCES account (company_id, id),
    CONSTRAINT ck_message_type CHECK (type IN ('ENQUIRY', 'COMPLAINT', 'COMPLIMENT'))
);
CREATE INDEX ix_message_recipient ON message (company_id, recipient_account_id, id);
CREATE INDEX ix_message_sender ON message (company_id, sender_account_id, id);

-- EstateDesk schema, part 8: a second factor (TOTP, RFC 6238) per company login. The secret is set at
-- enrolment and takes effect (totp_enabled) once a code from it was confirmed.
ALTER TABLE account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE account ADD COLUMN totp_enabled BOOLEAN DEFAULT FALSE NOT NULL;

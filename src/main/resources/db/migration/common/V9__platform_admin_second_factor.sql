-- EstateDesk schema, part 9: the platform admin's second factor, as a company login's (V8). On
-- PostgreSQL the application role writes it only through the functions of V9_1. totp_last_step: the time
-- step of the last code a login was accepted with; a code of that step or an earlier one is refused, so an
-- overheard code cannot be replayed within its 90 s of validity (RFC 6238, section 5.2).
ALTER TABLE platform_admin ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE platform_admin ADD COLUMN totp_enabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE platform_admin ADD COLUMN totp_last_step BIGINT;
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;

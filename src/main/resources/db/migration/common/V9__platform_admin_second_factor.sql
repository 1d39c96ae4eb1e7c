-- EstateDesk schema, part 9: the platform admin's second factor, as a company login's (V8). On
-- PostgreSQL the application role writes it only through set_platform_admin_totp (V9_1).
ALTER TABLE platform_admin ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE platform_admin ADD COLUMN totp_enabled BOOLEAN DEFAULT FALSE NOT NULL;

-- A platform admin's second factor: a new secret (not on until confirmed), its confirmation, or its
-- removal. Turning it on or off ends every earlier token of the admin, as a new password does.
CREATE FUNCTION set_platform_admin_totp(p_admin BIGINT, p_secret TEXT, p_enabled BOOLEAN, p_end_tokens BOOLEAN)
    RETURNS INTEGER
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    UPDATE platform_admin SET
        totp_secret = p_secret,
        totp_enabled = p_enabled,
        token_generation = token_generation + CASE WHEN p_end_tokens THEN 1 ELSE 0 END
    WHERE id = p_admin
    RETURNING token_generation
$$;

-- A login's code of time step p_step, once: false when a code of this step or a later one was used already.
-- One statement, so two logins racing with one overheard code cannot both pass.
CREATE FUNCTION use_platform_admin_totp_step(p_admin BIGINT, p_step BIGINT) RETURNS BOOLEAN
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH used AS (
        UPDATE platform_admin SET totp_last_step = p_step
        WHERE id = p_admin AND (totp_last_step IS NULL OR totp_last_step < p_step)
        RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM used)
$$;

REVOKE ALL ON FUNCTION set_platform_admin_totp(BIGINT, TEXT, BOOLEAN, BOOLEAN),
    use_platform_admin_totp_step(BIGINT, BIGINT) FROM PUBLIC;

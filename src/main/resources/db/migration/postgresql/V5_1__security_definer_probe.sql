-- How many rows of a company-owned table carry an id, across all companies. The only way the
-- application role learns anything beyond its own company: a count, for the cross-company-attempt
-- metric, through a function that runs as the owner (row-level security does not filter the owner)
-- instead of an owner connection at request time. Only tables with a company_id column are accepted.
CREATE FUNCTION count_rows_with_id(p_table TEXT, p_id BIGINT) RETURNS BIGINT
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    found BIGINT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns c
                   WHERE c.table_schema = current_schema() AND c.table_name = p_table AND c.column_name = 'company_id') THEN
        RAISE EXCEPTION 'not a company-owned table: %', p_table USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('SELECT count(*) FROM %I WHERE id = $1', p_table) INTO found USING p_id;
    RETURN found;
END $$;
REVOKE ALL ON FUNCTION count_rows_with_id(TEXT, BIGINT) FROM PUBLIC;

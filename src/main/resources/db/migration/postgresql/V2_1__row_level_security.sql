-- Second layer of company isolation: PostgreSQL row-level security on every company-owned table.
-- The application role (not the owner, so FORCE is not needed and cannot be switched off by it) sees
-- and writes only rows of the company bound to its transaction (app.company_id, set with
-- set_config(..., true) next to the EclipseLink tenant). Unset, it sees no company rows at all.
-- nullif(...): on a pooled connection that once had the setting, "unset" reads as '' rather than NULL.
DO $$
DECLARE
    company_table TEXT;
BEGIN
    FOREACH company_table IN ARRAY ARRAY['account', 'company_sequence', 'marketer', 'client', 'assignment',
            'estate', 'plot_size', 'plot_number', 'estate_plot', 'estate_plot_number', 'allocation', 'message']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', company_table);
        EXECUTE format('CREATE POLICY %I ON %I USING (company_id = nullif(current_setting(''app.company_id'', true), '''')::bigint)'
                       ' WITH CHECK (company_id = nullif(current_setting(''app.company_id'', true), '''')::bigint)',
                       'company_isolation_' || company_table, company_table);
    END LOOP;
END $$;

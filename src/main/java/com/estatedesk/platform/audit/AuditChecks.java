package com.estatedesk.platform.audit;

import com.estatedesk.platform.sequence.Uids;
import com.estatedesk.platform.tenancy.CompanyTables;
import java.util.List;

/**
 * The integrity checks, as set-based SQL over whole tables (aggregates and anti-joins on indexed
 * columns), each yielding one text column "offender" per defect. {@code #company} is replaced by a
 * company filter on the alias given, or by nothing for the whole system.
 */
final class AuditChecks {

    /** {@code postgreSqlOnly}: a check of what only PostgreSQL keeps (the activity chain); the embedded demo skips it. */
    record Definition(String name, String sql, boolean postgreSqlOnly) {
        Definition(String name, String sql) {
            this(name, sql, false);
        }
    }

    /** Marketers and clients with their role code. */
    private static final String PEOPLE =
            "(select company_id, 'MKT' as code, uid, uid_number, account_id, id from marketer"
                    + " union all select company_id, 'CLT', uid, uid_number, account_id, id from client)";

    static final List<Definition> ALL = List.of(
            new Definition(
                    "duplicate_uids",
                    "select p.uid as offender from " + PEOPLE
                            + " p where 1 = 1 #company(p) group by p.uid having count(*) > 1"),
            new Definition(
                    "uids_matching_company_role_and_number",
                    "select p.uid as offender from " + PEOPLE + " p left join company c on c.id = p.company_id"
                            + " where 1 = 1 #company(p) and (c.id is null or p.uid <> "
                            + Uids.sql("c.prefix", "p.code", "p.uid_number") + ")"),
            new Definition(
                    "numbering_without_gaps",
                    "select cast(p.company_id as varchar(20)) || '/' || p.code || ': ' || cast(max(p.uid_number) - count(distinct p.uid_number) as varchar(20))"
                            + " || ' missing' as offender from " + PEOPLE + " p where 1 = 1 #company(p)"
                            + " group by p.company_id, p.code having max(p.uid_number) <> count(distinct p.uid_number)"),
            new Definition(
                    "sequences_not_behind",
                    "select cast(m.company_id as varchar(20)) || '/' || m.code || ': sequence ' || coalesce(cast(s.last_value as varchar(20)), 'missing')"
                            + " || ' < highest ' || cast(m.highest as varchar(20)) as offender"
                            + " from (select p.company_id, p.code, max(p.uid_number) as highest from " + PEOPLE + " p"
                            + " where 1 = 1 #company(p) group by p.company_id, p.code) m"
                            + " left join company_sequence s on s.company_id = m.company_id and s.seq_key = m.code"
                            + " where s.last_value is null or s.last_value < m.highest"),
            new Definition(
                    "assignments_within_one_company",
                    "select 'assignment ' || cast(a.id as varchar(20)) as offender from assignment a"
                            + " left join client c on c.id = a.client_id left join marketer m on m.id = a.marketer_id"
                            + " where 1 = 1 #company(a) and (c.company_id is distinct from a.company_id"
                            + " or m.company_id is distinct from a.company_id)"),
            new Definition(
                    "allocations_within_one_company",
                    "select 'allocation ' || cast(x.id as varchar(20)) as offender from allocation x"
                            + " left join client c on c.id = x.client_id left join estate e on e.id = x.estate_id"
                            + " left join estate_plot p on p.id = x.estate_plot_id left join plot_number n on n.id = x.plot_number_id"
                            + " where 1 = 1 #company(x) and (c.company_id is distinct from x.company_id"
                            + " or e.company_id is distinct from x.company_id or p.company_id is distinct from x.company_id"
                            + " or (x.plot_number_id is not null and n.company_id is distinct from x.company_id))"),
            new Definition(
                    "messages_within_one_company",
                    "select 'message ' || cast(x.id as varchar(20)) as offender from message x"
                            + " left join account s on s.id = x.sender_account_id left join account r on r.id = x.recipient_account_id"
                            + " where 1 = 1 #company(x) and (s.company_id is distinct from x.company_id"
                            + " or r.company_id is distinct from x.company_id)"),
            new Definition("rows_with_a_company", companyless(CompanyTables.ALL)),
            new Definition(
                    "accounts_matching_their_person",
                    "select p.uid as offender from " + PEOPLE + " p left join account a on a.id = p.account_id"
                            + " where p.account_id is not null #company(p) and (a.id is null or a.company_id <> p.company_id"
                            + " or a.role <> case p.code when 'MKT' then 'MARKETER' else 'CLIENT' end)"),
            // Each entry's hash covers the previous entry's hash and the entry itself (V7_1): an entry altered
            // afterwards no longer matches its hash, and one removed leaves a gap in the positions.
            new Definition(
                    "activity_log_untouched",
                    "select 'activity ' || cast(c.id as varchar(20)) || ' of company ' || cast(c.company_id as varchar(20))"
                            + " as offender from (select x.id, x.company_id, x.chain_seq, x.chain_hash,"
                            + " activity_hash(lag(x.chain_hash) over w, x) as expected,"
                            + " coalesce(lag(x.chain_seq) over w, 0) as previous_seq"
                            + " from activity x where 1 = 1 #company(x)"
                            + " window w as (partition by x.company_id order by x.chain_seq)) c"
                            + " where c.chain_seq is null or c.chain_hash is distinct from c.expected"
                            + " or c.previous_seq <> c.chain_seq - 1",
                    true));

    private AuditChecks() {}

    private static String companyless(List<String> tables) {
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            sql.append("select '")
                    .append(table)
                    .append(" ' || cast(t.id as varchar(20)) as offender from ")
                    .append(table)
                    .append(" t where 1 = 1 #company(t) and (t.company_id is null"
                            + " or not exists (select 1 from company c where c.id = t.company_id))");
        }
        return sql.toString();
    }
}

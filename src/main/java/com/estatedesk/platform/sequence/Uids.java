package com.estatedesk.platform.sequence;

/**
 * The readable id of a person: {prefix}-{roleCode}{number}, the number zero-padded to at least
 * {@value #MIN_DIGITS} digits. Written twice by nature, once for Java and once for SQL (the audit
 * recomputes every uid in the database): both are here, built from the same parts, and
 * {@code CompanyScopedIdsIT} runs the SQL on PostgreSQL against {@link #format} past 999.
 */
public final class Uids {

    static final String SEPARATOR = "-";
    static final int MIN_DIGITS = 3;
    private static final String NUMBER = "%0" + MIN_DIGITS + "d";

    private Uids() {}

    public static String format(String companyPrefix, SequenceKey roleCode, long number) {
        if (number < 1) {
            throw new IllegalArgumentException("uid numbers start at 1");
        }
        // %0Nd pads and never truncates: 1000 prints as 1000 (unlike SQL lpad).
        return companyPrefix + SEPARATOR + roleCode.name() + String.format(NUMBER, number);
    }

    /**
     * The same uid as a SQL expression over three SQL expressions (portable to PostgreSQL and H2). lpad
     * truncates to its length, so numbers that already have {@value #MIN_DIGITS} digits or more are not padded.
     */
    public static String sql(String prefix, String roleCode, String number) {
        String digits = "cast(" + number + " as varchar(20))";
        return prefix + " || '" + SEPARATOR + "' || " + roleCode + " || case when " + number + " < "
                + (long) Math.pow(10, MIN_DIGITS) + " then lpad(" + digits + ", " + MIN_DIGITS + ", '0') else " + digits
                + " end";
    }
}

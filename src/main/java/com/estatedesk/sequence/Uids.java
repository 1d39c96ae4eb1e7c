package com.estatedesk.sequence;

/** The readable id of a person: {prefix}-{roleCode}{number}, the number zero-padded to at least 3 digits. */
public final class Uids {

    private Uids() {
    }

    public static String format(String companyPrefix, SequenceKey roleCode, long number) {
        if (number < 1) {
            throw new IllegalArgumentException("uid numbers start at 1");
        }
        // %03d pads and never truncates: 1000 prints as 1000 (unlike SQL lpad).
        return String.format("%s-%s%03d", companyPrefix, roleCode.name(), number);
    }
}

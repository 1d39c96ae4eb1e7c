package com.estatedesk.platform.sequence;

/** What a company numbers, and the table whose rows carry those numbers (uid_number). */
public enum SequenceKey {
    MKT("marketer"),
    CLT("client");

    private final String numberedTable;

    SequenceKey(String numberedTable) {
        this.numberedTable = numberedTable;
    }

    public String numberedTable() {
        return numberedTable;
    }
}

package com.estatedesk.rest;

/**
 * The one rule for text the API stores: no control characters — C0 (U+0000–U+001F), DEL and C1
 * (U+0080–U+009F). They are invisible in a console, break CSV and terminals, and PostgreSQL refuses
 * U+0000 outright. Multi-line fields (a message body) may also hold TAB, LF and CR.
 */
public final class PlainText {

    public static final String RULE = "must not contain control characters";
    public static final String MULTILINE_RULE =
            "must not contain control characters other than tab, line feed and carriage return";

    private PlainText() {}

    public static boolean isClean(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            if (control && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return false;
            }
        }
        return true;
    }

    public static String rule(boolean multiline) {
        return multiline ? MULTILINE_RULE : RULE;
    }
}

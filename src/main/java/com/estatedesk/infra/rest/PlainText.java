package com.estatedesk.infra.rest;

/**
 * The one rule for text the API stores: no control characters — C0 (U+0000–U+001F), DEL and C1
 * (U+0080–U+009F). They are invisible in a console, break CSV and terminals, and PostgreSQL refuses
 * U+0000 outright. Multi-line fields (a message body) may also hold TAB, LF and CR. No bidirectional
 * controls (U+202A–U+202E, U+2066–U+2069) either, outside a message body: "Invoice\u202Egpj.exe" shows
 * as "Invoiceexe.jpg". And a required text is not present when only invisible characters make it up
 * (U+00A0, U+200B, U+FEFF, ...): a name nobody can see is no name.
 */
public final class PlainText {

    public static final String RULE = "must not contain control characters";
    public static final String MULTILINE_RULE =
            "must not contain control characters other than tab, line feed and carriage return";
    public static final String BIDI_RULE =
            "must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)";
    public static final String INVISIBLE_RULE = "must not be blank or made only of invisible characters";

    private PlainText() {}

    public static boolean isClean(String text, boolean multiline) {
        return problem(text, multiline, false) == null;
    }

    /** What is wrong with {@code text} as a field's value, or null; {@code required}: it must show something. */
    public static String problem(String text, boolean multiline, boolean required) {
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            if (control && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return rule(multiline);
            }
            if (!multiline && isBidiControl(c)) {
                return BIDI_RULE;
            }
            visible |= !isInvisible(c);
        }
        // Plain white space is Bean Validation's (@NotBlank) to report, once.
        return required && !visible && !text.isBlank() ? INVISIBLE_RULE : null;
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** White space of any kind, and format characters (zero-width spaces and joiners, U+FEFF, ...). */
    static boolean isInvisible(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT
                || c == '\u180E'
                || c == '\u3164'
                || c == '\u115F'
                || c == '\u1160';
    }

    public static String rule(boolean multiline) {
        return multiline ? MULTILINE_RULE : RULE;
    }
}

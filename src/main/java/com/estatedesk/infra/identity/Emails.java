package com.estatedesk.infra.identity;

import java.util.Locale;

/** Emails are compared as typed, trimmed and lower-cased: one rule for people, logins and imports. */
public final class Emails {

    private Emails() {}

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}

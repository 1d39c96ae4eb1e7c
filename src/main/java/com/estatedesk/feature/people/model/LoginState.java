package com.estatedesk.feature.people.model;

import com.estatedesk.platform.security.Account;

/**
 * Whether a person can sign in, in the words a person page needs: an invited login without a chosen
 * password is not "yes", and a password login is not invited again.
 */
public enum LoginState {
    /** No login; an admin may invite them. */
    NONE,
    /** Invited; the person has not chosen a password yet (a new invitation replaces the link). */
    INVITED,
    /** Signs in with a password of their own. */
    ACTIVE,
    /** The login exists but is off: the person is deactivated. */
    ENDED;

    public static LoginState of(Account account) {
        if (account == null) {
            return NONE;
        }
        if (!account.isActive()) {
            return ENDED;
        }
        return account.hasPassword() ? ACTIVE : INVITED;
    }
}

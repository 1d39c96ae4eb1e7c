package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.identity.Emails;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.problem.ProblemException;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.activity.ActivityView.Subject;
import com.estatedesk.platform.tenancy.Company;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Logins and what ends them. Every failed login (unknown company, unknown email, wrong password,
 * deactivated login, suspended company) is the same 401 after the same hashing work, so nothing can be
 * probed; every attempt is counted by {@link LoginThrottle} before any password is checked.
 */
@Stateless
public class AuthService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Tokens tokens;

    @Inject
    Revocations revocations;

    @Inject
    PlatformAdmins platformAdmins;

    @Inject
    Caller caller;

    @EJB
    LoginThrottle throttle;

    @Inject
    HashingQueue hashing;

    @Inject
    ActivityLog activity;

    @Inject
    OwnLogin own;

    @EJB
    SecondFactor secondFactor;

    @Inject
    NamedLogins namedLogins;

    /**
     * ESTATEDESK_REQUIRE_TOTP: roles whose logins must have a second factor; without one, a login gets a
     * token that can only enrol it.
     */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "estatedesk.require.totp")
    Optional<String> requireTotp;

    private java.util.Set<Role> secondFactorRequired = java.util.Set.of();

    @jakarta.annotation.PostConstruct
    void readRequiredFactors() {
        java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
        for (String name : requireTotp.orElse("").split(",")) {
            if (name.isBlank()) {
                continue;
            }
            roles.add(Role.valueOf(name.trim()));
        }
        secondFactorRequired = roles;
    }

    @EJB
    ThrottledLogins throttledLogins;

    /**
     * Admitted to the hashing queue first (503 at once when this company's or this address's share is
     * full, before any database work), then the attempt is counted (429 over the limit), then the
     * password is checked in its turn.
     */
    public Tokens.Issued login(Credentials credentials, String clientAddress) {
        String email = Emails.normalize(credentials.email());
        String companyKey = credentials.company() == null
                ? ""
                : credentials.company().trim().toLowerCase(Locale.ROOT);
        Tokens.Subject subject;
        try (HashingQueue.Admission admitted = hashing.admit(companyKey, clientAddress)) {
            admitCounted(companyKey, email);
            subject = credentials.company() == null
                    ? platformAdminLogin(email, credentials.password(), credentials.totp())
                    : companyLogin(companyKey, email, credentials.password(), credentials.totp());
        }
        throttle.clear(companyKey, email);
        return tokens.issue(subject);
    }

    /** Counts the attempt; a throttled one is also noted in the company's activity log (in the background). */
    private void admitCounted(String companyKey, String email) {
        try {
            throttle.admit(companyKey, email);
        } catch (ProblemException refused) {
            if (refused.problem().status == 429 && !companyKey.isEmpty()) {
                ThrottledLogins.noteIfRoom(throttledLogins, companyKey, email);
            }
            throw refused;
        }
    }

    private Tokens.Subject platformAdminLogin(String email, String password, String totp) {
        List<PlatformAdmin> admins = em.createNamedQuery(PlatformAdmin.BY_EMAIL, PlatformAdmin.class)
                .setParameter("email", email)
                .getResultList();
        if (!verified(password, admins.stream().map(PlatformAdmin::passwordHash).findFirst())
                || (admins.get(0).hasSecondFactor() && !secondFactor.acceptAtLogin(admins.get(0), totp))) {
            throw wrongCredentials();
        }
        PlatformAdmin admin = admins.get(0);
        if (passwords.needsRehash(admin.passwordHash())) {
            platformAdmins.setPassword(admin, passwords.hash(password), false);
        }
        return new Tokens.Subject(
                admin.id(),
                Role.PLATFORM_ADMIN,
                null,
                email,
                admin.tokenGeneration(),
                0,
                secondFactorRequired.contains(Role.PLATFORM_ADMIN) && !admin.hasSecondFactor());
    }

    private Tokens.Subject companyLogin(String slug, String email, String password, String totp) {
        Optional<NamedLogins.Named> named = namedLogins.find(slug, email);
        if (named.isEmpty()) {
            passwords.rejectInConstantTime(password);
            throw wrongCredentials();
        }
        Company company = named.get().company();
        Account account = named.get().account();
        if (!verified(password, Optional.ofNullable(account).map(Account::passwordHash))
                || !account.isActive()
                || !company.isActive()
                // a missing or wrong code is a failed login like a wrong password: counted, then throttled
                || (account.hasSecondFactor() && !secondFactor.acceptAtLogin(company.id(), account, totp))) {
            throw wrongCredentials();
        }
        if (passwords.needsRehash(account.passwordHash())) {
            account.rehashPassword(passwords.hash(password));
        }
        activity.recordAs(company.id(), account.id(), "SIGNED_IN", login(account), null);
        return new Tokens.Subject(
                account.id(),
                account.role(),
                company.id(),
                email,
                account.tokenGeneration(),
                company.tokenGeneration(),
                secondFactorRequired.contains(account.role()) && !account.hasSecondFactor());
    }

    /** POST /auth/logout: the caller's token is dead on every instance once this commits. */
    public void logout() {
        revocations.revokeToken(caller.tokenId());
        if (caller.companyId() != null) {
            Account account = own.account();
            activity.recordAs(caller.companyId(), account.id(), "SIGNED_OUT", login(account), null);
        }
    }

    /**
     * POST /me/password. A wrong current password is a failed login (counted, throttled) answered 403;
     * a new one ends every token of the login issued before it, the caller's included.
     */
    public void changePassword(String currentPassword, String newPassword) {
        if (caller.companyId() == null) {
            PlatformAdmin admin = em.find(PlatformAdmin.class, caller.accountId());
            own.checkPassword("", admin.email(), currentPassword, admin.passwordHash());
            platformAdmins.setPassword(admin, passwords.hash(newPassword), true);
            revocations.revokePlatformAdmin(admin.id(), admin.tokenGeneration());
            return;
        }
        Account account = own.account();
        own.checkPassword(account, currentPassword);
        account.changePassword(passwords.hash(newPassword));
        revocations.revokeAccount(account.id(), account.tokenGeneration());
        activity.record("PASSWORD_CHANGED", login(account), "every earlier sign-in ended");
    }

    /** How the activity log names a login: its name and email. */
    static Subject login(Account account) {
        return Subject.of("login", account.id(), account.displayName() + " <" + account.email() + ">");
    }

    /** Always one hash verification, whether or not the login exists or has a password yet. */
    private boolean verified(String password, Optional<String> storedHash) {
        return storedHash
                .filter(hash -> !hash.equals(Account.NO_PASSWORD))
                .map(hash -> passwords.matches(password, hash))
                .orElseGet(() -> passwords.rejectInConstantTime(password));
    }

    private static RuntimeException wrongCredentials() {
        return Problems.unauthorized("Wrong email, password or company.");
    }
}

package com.estatedesk.platform.security;

import com.estatedesk.infra.async.BoundedHandOff;
import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.identity.Emails;
import com.estatedesk.infra.mail.Outbox;
import com.estatedesk.infra.problem.Conflict;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.infra.rest.PublicUrl;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.security.AccountToken.Purpose;
import com.estatedesk.platform.tenancy.Company;
import com.estatedesk.platform.tenancy.Tenancy;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Logins that their people set up and mend themselves, by one-time links ({@link AccountLinks}):
 * invitations (the admin never learns the password), password resets, and email changes confirmed by
 * the new address.
 */
@Stateless
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    static final Duration INVITATION_VALID = Duration.ofHours(72);
    static final Duration RESET_VALID = Duration.ofMinutes(30);
    static final Duration EMAIL_CHANGE_VALID = Duration.ofHours(24);

    /** Reset requests resolved in the background at once: a flood beyond this is dropped, never queued. */
    private static final BoundedHandOff RESETS_WAITING = new BoundedHandOff(64);

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountLinks links;

    @Inject
    Outbox outbox;

    @Inject
    Tenancy tenancy;

    @Inject
    NamedLogins namedLogins;

    @Inject
    Passwords passwords;

    @Inject
    Revocations revocations;

    @Inject
    Caller caller;

    @Inject
    Event<AccountEmailChanged> emailChanges;

    @EJB
    LoginThrottle throttle;

    @Inject
    ActivityLog activity;

    @Inject
    OwnLogin own;

    @EJB
    AccountService self;

    /**
     * An invitation for a login of the bound company that has no password yet; an earlier invitation of
     * it dies. Emailed too when this service sends email and has a public URL to link to.
     */
    public Invitation invite(Account account) {
        if (account.hasPassword()) {
            throw Problems.conflict(
                    "This person can already sign in; they can reset their password from the sign-in page.");
        }
        AccountLinks.Issued link = links.issue(account, Purpose.INVITATION, INVITATION_VALID, null);
        Company company = em.find(Company.class, tenancy.boundCompany());
        boolean emailed = linksCanBeEmailed()
                && outbox.enqueue(
                        account.email(),
                        "Your EstateDesk sign-in at " + company.name(),
                        "Hello " + account.displayName() + ",\n\n"
                                + company.name() + " has given you a sign-in to EstateDesk. Choose your password here"
                                + " (the link works once, for 72 hours):\n\n"
                                + link.url() + "\n\n"
                                + "Afterwards you sign in with this email and the company name " + company.slug()
                                + ".\n\nIf you did not expect this email, you can ignore it.\n");
        return new Invitation(link.url(), link.expiresAt(), emailed);
    }

    /**
     * POST /auth/invitations/preview: whom the link invites, and where, without using it up; a link
     * passed on by chat carries no email that would tell the person their company's sign-in name.
     */
    public InvitationPreview previewInvitation(String token) {
        AccountToken link = links.peek(token, Purpose.INVITATION);
        Account account = em.find(Account.class, link.accountId());
        if (account == null || account.hasPassword() || !account.isActive()) {
            throw AccountLinks.dead();
        }
        Company company = em.find(Company.class, tenancy.boundCompany());
        return new InvitationPreview(
                account.displayName(),
                account.email(),
                new InvitationPreview.Where(company.name(), company.slug()),
                link.expiresAt().toInstant());
    }

    /** POST /auth/invitations/accept: the invited person chooses the password; they can sign in now. */
    public void acceptInvitation(String token, String password) {
        AccountToken link = links.redeem(token, Purpose.INVITATION);
        Account account = em.find(Account.class, link.accountId());
        if (account == null || account.hasPassword() || !account.isActive()) {
            throw AccountLinks.dead();
        }
        account.changePassword(passwords.hash(password));
        activity.recordAs(
                tenancy.boundCompany(), account.id(), "INVITATION_ACCEPTED", AuthService.login(account), null);
    }

    /**
     * POST /auth/password-reset. Counted like a login attempt (429 over the limit), then handed to the
     * background: the caller's answer takes the same time whether or not the login exists, because it
     * does the same work either way.
     */
    public void requestReset(String companySlug, String email) {
        String companyKey = companySlug == null ? "" : companySlug.trim().toLowerCase(Locale.ROOT);
        String normalized = Emails.normalize(email);
        // its own throttle key: a flood of resets does not lock the login out, nor the other way round
        String resetKey = "reset:" + companyKey;
        throttle.admit(
                resetKey.substring(0, Math.min(resetKey.length(), 100)),
                normalized,
                "Too many password reset requests for this email; retry later.");
        if (!linksCanBeEmailed() || companyKey.isEmpty()) {
            return; // no email can carry a link: nothing to prepare (the same for every caller)
        }
        if (!RESETS_WAITING.offer(() -> self.resolveReset(companyKey, normalized))) {
            LOG.warning("Password reset requests beyond the background's room are dropped (a flood?)");
        }
    }

    /** In the background: the login, if there is one that can sign in, gets a reset link by email. */
    @Asynchronous
    public void resolveReset(String companyKey, String email) {
        try {
            Optional<NamedLogins.Named> named = namedLogins.find(companyKey, email);
            if (named.isEmpty() || !named.get().company().isActive()) {
                return;
            }
            Company company = named.get().company();
            Account account = named.get().account();
            if (account == null || !account.isActive() || !account.hasPassword()) {
                return;
            }
            AccountLinks.Issued link = links.issue(account, Purpose.PASSWORD_RESET, RESET_VALID, null);
            outbox.enqueue(
                    account.email(),
                    "Reset your EstateDesk password",
                    "Hello " + account.displayName() + ",\n\n"
                            + "Someone asked to reset the password of your EstateDesk sign-in at " + company.name()
                            + ". Choose a new one here (the link works once, for 30 minutes):\n\n"
                            + link.url() + "\n\n"
                            + "If it was not you, ignore this email: your password stays as it is.\n");
        } finally {
            RESETS_WAITING.done();
        }
    }

    /** POST /auth/password-reset/confirm: a new password; every token and every other link of the login dies. */
    public void confirmReset(String token, String newPassword) {
        AccountToken link = links.redeem(token, Purpose.PASSWORD_RESET);
        Account account = em.find(Account.class, link.accountId());
        if (account == null || !account.isActive()) {
            throw AccountLinks.dead();
        }
        account.changePassword(passwords.hash(newPassword));
        links.killAll(account.id());
        revocations.revokeAccount(account.id(), account.tokenGeneration());
        activity.recordAs(
                tenancy.boundCompany(),
                account.id(),
                "PASSWORD_RESET",
                AuthService.login(account),
                "by an emailed link; every earlier sign-in ended");
    }

    /**
     * POST /me/email: the current password (a wrong one is a failed login), then a link to the new
     * address; nothing changes until it is followed.
     */
    public void requestEmailChange(String currentPassword, String newEmail) {
        Account account = own.account();
        own.checkPassword(account, currentPassword);
        Company company = own.company();
        String email = Emails.normalize(newEmail);
        if (email.equals(account.email())) {
            throw Problems.unprocessable("newEmail", "This is already your email.");
        }
        if (isTaken(email)) {
            throw Problems.conflict("newEmail", "An account with this email already exists in the company.");
        }
        if (!linksCanBeEmailed()) {
            throw Problems.unprocessable(
                    "newEmail",
                    "This service sends no email, so a new address cannot be confirmed. Ask your administrator.");
        }
        AccountLinks.Issued link = links.issue(account, Purpose.EMAIL_CHANGE, EMAIL_CHANGE_VALID, email);
        activity.record("EMAIL_CHANGE_REQUESTED", AuthService.login(account), "to " + email);
        outbox.enqueue(
                email,
                "Confirm your new EstateDesk email",
                "Hello " + account.displayName() + ",\n\n"
                        + "Confirm that this is the new email of your EstateDesk sign-in at " + company.name()
                        + " (the link works once, for 24 hours):\n\n"
                        + link.url() + "\n\n"
                        + "Until you do, you keep signing in with your current email.\n");
    }

    /** POST /auth/email/confirm: the new email becomes the login's; tokens issued for the old one end. */
    public void confirmEmailChange(String token) {
        AccountToken link = links.redeem(token, Purpose.EMAIL_CHANGE);
        Account account = em.find(Account.class, link.accountId());
        if (account == null || !account.isActive()) {
            throw AccountLinks.dead();
        }
        if (isTaken(link.newEmail())) {
            throw Conflict.ACCOUNT_EMAIL.problem();
        }
        String before = account.email();
        account.changeEmail(link.newEmail());
        activity.recordAs(
                tenancy.boundCompany(), account.id(), "EMAIL_CHANGED", AuthService.login(account), "was " + before);
        revocations.revokeAccount(account.id(), account.tokenGeneration());
        emailChanges.fire(new AccountEmailChanged(account.id(), link.newEmail()));
    }

    private boolean isTaken(String email) {
        return !em.createNamedQuery(Account.BY_EMAIL)
                .setParameter("email", email)
                .getResultList()
                .isEmpty();
    }

    /** An emailed link needs both a mail server and a public URL to point to (SPEC §3: no links otherwise). */
    private boolean linksCanBeEmailed() {
        return outbox.sends() && PublicUrl.value().isPresent();
    }
}

package com.estatedesk.platform.security;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.platform.activity.ActivityLog;
import com.estatedesk.platform.tenancy.Company;
import com.estatedesk.platform.tenancy.Tenancy;
import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.SystemTimeProvider;
import dev.samstevens.totp.util.Utils;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;

/**
 * The second factor of a login (a company's or a platform admin's): TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of clock drift
 * either way), as every authenticator app reads it. Enrolment gives the secret, its otpauth:// URL and a
 * QR code of it; a code from it confirms it, and from then on a login needs a code too.
 */
@Stateless
public class SecondFactor {

    private static final CodeVerifier VERIFIER = verifier();

    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    private static final SystemTimeProvider CLOCK = new SystemTimeProvider();

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Tenancy tenancy;

    @Inject
    ActivityLog activity;

    @Inject
    OwnLogin own;

    @Inject
    Revocations revocations;

    /** POST /me/totp answers this: the secret to type, or the URL (and its QR code) to scan. */
    public record Enrolment(String secret, String otpauthUrl, String qrCode) {}

    @Inject
    PlatformAdmins platformAdmins;

    /** POST /me/totp: a new secret; 409 when a factor is on already (turning it off is a reset). */
    public Enrolment enrol() {
        String secret = new DefaultSecretGenerator(32).generate();
        String label;
        String issuer;
        if (caller.companyId() == null) {
            PlatformAdmin admin = em.find(PlatformAdmin.class, caller.accountId());
            refuseSecondEnrolment(admin.hasSecondFactor());
            platformAdmins.setSecondFactor(admin, secret, false, false);
            label = admin.email();
            issuer = "EstateDesk platform";
        } else {
            Account account = own.account();
            refuseSecondEnrolment(account.hasSecondFactor());
            account.enrolSecondFactor(secret);
            label = account.email();
            issuer = "EstateDesk " + own.company().slug();
        }
        QrData data = new QrData.Builder()
                .label(label)
                .secret(secret)
                .issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(30)
                .build();
        try {
            ZxingPngQrGenerator png = new ZxingPngQrGenerator();
            return new Enrolment(
                    secret, data.getUri(), Utils.getDataUriForImage(png.generate(data), png.getImageMimeType()));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("The QR code could not be drawn", e);
        }
    }

    private static void refuseSecondEnrolment(boolean factorOn) {
        if (factorOn) {
            throw Problems.conflict("Your second factor is on already.");
        }
    }

    /**
     * POST /me/totp/confirm: a right code turns the factor on and ends every earlier sign-in; a wrong one
     * is a 422 at "code".
     */
    public void confirm(String code) {
        if (caller.companyId() == null) {
            PlatformAdmin admin = em.find(PlatformAdmin.class, caller.accountId());
            if (!admin.hasSecondFactor() && confirmable(admin.totpSecret(), code)) {
                platformAdmins.setSecondFactor(admin, admin.totpSecret(), true, true);
                revocations.revokePlatformAdmin(admin.id(), admin.tokenGeneration());
            }
            return;
        }
        Account account = own.account();
        if (!account.hasSecondFactor() && confirmable(account.totpSecret(), code)) {
            account.confirmSecondFactor();
            revocations.revokeAccount(account.id(), account.tokenGeneration());
            activity.record("SECOND_FACTOR_ON", AuthService.login(account), "every earlier sign-in ended");
        }
    }

    private static boolean confirmable(String secret, String code) {
        if (secret == null) {
            throw Problems.conflict("Start with POST /me/totp: there is no secret to confirm yet.");
        }
        if (!matches(secret, code)) {
            throw Problems.unprocessable("code", "This code is not right; type the one your app shows now.");
        }
        return true;
    }

    /**
     * POST /companies/{id}/second-factor-reset (platform admin): a company admin who lost their device
     * signs in with the password again and enrols anew. Every token of that login ends; the reset is logged
     * in the company's history. Only company admins: theirs is the login nobody in the company can mend.
     */
    public void resetCompanyAdmin(long companyId, String email) {
        if (em.find(Company.class, companyId) == null) {
            throw Problems.notFound("company");
        }
        tenancy.bindToTransaction(companyId);
        Account account = em
                .createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", com.estatedesk.infra.identity.Emails.normalize(email))
                .getResultList()
                .stream()
                .filter(found -> found.role() == com.estatedesk.infra.identity.Role.COMPANY_ADMIN)
                .findFirst()
                .orElseThrow(() -> Problems.unprocessable("email", "No company admin of this company has this email."));
        boolean wasOn = account.hasSecondFactor();
        account.resetSecondFactor();
        revocations.revokeAccount(account.id(), account.tokenGeneration());
        activity.record(
                "SECOND_FACTOR_RESET",
                AuthService.login(account),
                wasOn ? "lost device; signed out everywhere" : "no factor was on; signed out everywhere");
    }

    /** At enrolment: whether {@code code} is the secret's current code. */
    static boolean matches(String secret, String code) {
        return secret != null && code != null && code.matches("\\d{6}") && VERIFIER.isValidCode(secret, code);
    }

    /**
     * At a company login: the code is current and of a later time step than the last one accepted, so an
     * overheard code cannot sign in a second time (RFC 6238, section 5.2). One conditional update: two
     * logins racing with one code cannot both pass.
     */
    public boolean acceptAtLogin(long companyId, Account account, String code) {
        OptionalLong step = step(account.totpSecret(), code);
        return step.isPresent()
                && em.createNativeQuery("update account set totp_last_step = ?1 where company_id = ?2 and id = ?3"
                                        + " and (totp_last_step is null or totp_last_step < ?1)")
                                .setParameter(1, step.getAsLong())
                                .setParameter(2, companyId)
                                .setParameter(3, account.id())
                                .setHint(Tenancy.NATIVE_SQL_HINT, true)
                                .executeUpdate()
                        == 1;
    }

    /** At a platform admin's login: as {@link #acceptAtLogin(long, Account, String)}. */
    public boolean acceptAtLogin(PlatformAdmin admin, String code) {
        OptionalLong step = step(admin.totpSecret(), code);
        return step.isPresent() && platformAdmins.useSecondFactorStep(admin, step.getAsLong());
    }

    /** The time step (30 s) whose code {@code code} is, within one step of drift either way. */
    private static OptionalLong step(String secret, String code) {
        if (secret == null || code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = CLOCK.getTime() / 30;
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (MessageDigest.isEqual(
                        CODES.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII))) {
                    return OptionalLong.of(step);
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException("A TOTP code could not be computed", e);
            }
        }
        return OptionalLong.empty();
    }

    private static CodeVerifier verifier() {
        DefaultCodeVerifier verifier =
                new DefaultCodeVerifier(new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6), new SystemTimeProvider());
        verifier.setTimePeriod(30);
        verifier.setAllowedTimePeriodDiscrepancy(1);
        return verifier;
    }
}

package com.estatedesk.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Concurrently;
import com.estatedesk.testsupport.Db;
import com.estatedesk.testsupport.Fixtures;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.Totp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 28, the second factor (TOTP, RFC 6238) over real HTTP. The test computes its codes itself
 * ({@link Totp}), not with the library the service uses.
 */
class SecondFactorIT extends HttpApiTest {

    @Test
    void enrolmentThenLoginsNeedTheCodeAndWrongCodesAreThrottledLikePasswords() {
        Fixtures.Company company = fixtures.company("Factor Homes");
        String email = AccountLinksIT.unique("toks");
        assertEquals(
                201,
                api.post("/marketers", company.adminToken(), Fixtures.person("Toks Two", email, "toks-password-1"))
                        .status());
        String token = fixtures.login(email, "toks-password-1", company.slug());

        Api.Reply enrolment = api.post("/me/totp", token, "");
        assertEquals(200, enrolment.status(), enrolment::toString);
        JsonObject body = enrolment.json();
        String secret = body.getString("secret");
        assertTrue(body.getString("otpauthUrl").startsWith("otpauth://totp/"), body::toString);
        assertTrue(body.getString("otpauthUrl").contains("secret=" + secret));
        assertTrue(body.getString("qrCode").startsWith("data:image/png;base64,"));
        // Not on until confirmed: the password alone still signs in.
        assertEquals(200, login(email, "toks-password-1", company, null).status());

        Api.Reply wrong = api.post("/me/totp/confirm", token, code("000000".equals(now(secret)) ? "111111" : "000000"));
        assertEquals(422, wrong.status(), wrong::toString);
        assertEquals(204, api.post("/me/totp/confirm", token, code(now(secret))).status());
        assertEquals(401, api.get("/me", token).status(), "sign-ins from before the factor ended");

        assertEquals(401, login(email, "toks-password-1", company, null).status(), "no code");
        String used = now(secret);
        Api.Reply right = login(email, "toks-password-1", company, used);
        assertEquals(200, right.status(), right::toString);
        assertEquals(
                401,
                login(email, "toks-password-1", company, used).status(),
                "a code that signed in once does not sign in again (RFC 6238, 5.2)");
        assertEquals(
                409,
                api.post("/me/totp", right.json().getString("accessToken"), "").status(),
                "on: not enrolled again (which would turn it off)");
        assertEquals(401, login(email, "wrong-password", company, now(secret)).status(), "a code is no password");

        // Wrong codes count as failed logins: with the missing, replayed and wrong-password attempts above,
        // six failures, and then even the right code waits (429).
        for (int i = 0; i < 3; i++) {
            String wrongCode = String.format("%06d", (Integer.parseInt(now(secret)) + 500_000 + i) % 1_000_000);
            assertEquals(
                    401, login(email, "toks-password-1", company, wrongCode).status());
        }
        Api.Reply throttled = login(email, "toks-password-1", company, now(secret));
        assertEquals(429, throttled.status(), throttled::toString);

        // The log says so, without the secret.
        String history = api.get(
                        "/activity?actor="
                                + api.get("/me", right.json().getString("accessToken"))
                                        .json()
                                        .getJsonNumber("accountId"),
                        company.adminToken())
                .body();
        assertTrue(history.contains("SECOND_FACTOR_ON"), history);
        assertTrue(!history.contains(secret));
    }

    @Test
    void thePlatformAdminResetsACompanyAdminsLostFactorAndTheResetIsLogged() {
        Fixtures.Company company = fixtures.company("Factor Reset Homes");
        String admin = company.adminToken();
        String secret = api.post("/me/totp", admin, "").json().getString("secret");
        assertEquals(204, api.post("/me/totp/confirm", admin, code(now(secret))).status());
        assertEquals(
                401,
                login(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company, null)
                        .status());
        admin = login(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company, now(secret))
                .json()
                .getString("accessToken");

        String reset = Json.createObjectBuilder()
                .add("email", company.adminEmail())
                .build()
                .toString();
        assertEquals(
                403,
                api.post("/companies/" + company.id() + "/second-factor-reset", admin, reset)
                        .status());
        String marketerEmail = AccountLinksIT.unique("notadmin");
        api.post("/marketers", admin, Fixtures.person("Not Admin", marketerEmail, "not-admin-pass-1"));
        Api.Reply notAnAdmin = api.post(
                "/companies/" + company.id() + "/second-factor-reset",
                fixtures.platformToken(),
                Json.createObjectBuilder().add("email", marketerEmail).build().toString());
        assertEquals(422, notAnAdmin.status(), notAnAdmin::toString);

        Api.Reply done =
                api.post("/companies/" + company.id() + "/second-factor-reset", fixtures.platformToken(), reset);
        assertEquals(204, done.status(), done::toString);
        assertEquals(401, api.get("/me", admin).status(), "the admin's sign-ins ended");
        Api.Reply again = login(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company, null);
        assertEquals(200, again.status(), "the password alone signs in again: " + again);
        String history =
                api.get("/activity", again.json().getString("accessToken")).body();
        assertTrue(history.contains("SECOND_FACTOR_RESET") && history.contains("PLATFORM_ADMIN"), history);
    }

    @Test
    void twoLoginsRacingWithOneOverheardCodeDoNotBothGetIn() {
        Fixtures.Company company = fixtures.company("Factor Race Homes");
        String secret = api.post("/me/totp", company.adminToken(), "").json().getString("secret");
        assertEquals(
                204,
                api.post("/me/totp/confirm", company.adminToken(), code(now(secret)))
                        .status());
        String overheard = now(secret);
        List<Integer> statuses = Concurrently.run(
                4,
                i -> login(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company, overheard)
                        .status());
        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses::toString);
        assertEquals(3, statuses.stream().filter(status -> status == 401).count(), statuses::toString);
    }

    @Test
    void aPlatformAdminSignsInWithASecondFactorToo() {
        // A platform admin of this test's own (the shared one must keep signing in with its password alone),
        // with the first admin's password hash, so its password is known.
        String email = AccountLinksIT.unique("operator");
        String password = System.getenv("ESTATEDESK_ADMIN_PASSWORD");
        Db.update(
                "insert into platform_admin (id, email, password_hash, token_generation, created_at)"
                        + " select nextval('platform_admin_id_seq'), ?, password_hash, 0, now() from platform_admin"
                        + " where email = ?",
                email,
                System.getenv("ESTATEDESK_ADMIN_EMAIL"));
        String token = platformLogin(email, password, null).json().getString("accessToken");

        String secret = api.post("/me/totp", token, "").json().getString("secret");
        assertEquals(200, platformLogin(email, password, null).status(), "not on until confirmed");
        assertEquals(204, api.post("/me/totp/confirm", token, code(now(secret))).status());
        assertEquals(401, api.get("/companies", token).status(), "sign-ins from before the factor ended");

        assertEquals(401, platformLogin(email, password, null).status(), "no code");
        String used = now(secret);
        Api.Reply withCode = platformLogin(email, password, used);
        assertEquals(200, withCode.status(), withCode::toString);
        assertEquals(401, platformLogin(email, password, used).status(), "a used code does not sign in again");
        assertEquals(
                200,
                api.get("/companies", withCode.json().getString("accessToken")).status());
        assertEquals(
                409,
                api.post("/me/totp", withCode.json().getString("accessToken"), "")
                        .status());
        String stored = Db.text("select totp_secret from platform_admin where email = ?", email);
        assertEquals(secret, stored, "the factor is the admin's own row");
    }

    private Api.Reply platformLogin(String email, String password, String totp) {
        var credentials = Json.createObjectBuilder().add("email", email).add("password", password);
        if (totp != null) {
            credentials.add("totp", totp);
        }
        return api.post("/auth/token", null, credentials.build().toString());
    }

    private Api.Reply login(String email, String password, Fixtures.Company company, String totp) {
        var credentials = Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .add("company", company.slug());
        if (totp != null) {
            credentials.add("totp", totp);
        }
        return api.post("/auth/token", null, credentials.build().toString());
    }

    private static String code(String code) {
        return Json.createObjectBuilder().add("code", code).build().toString();
    }

    private static String now(String secret) {
        return Totp.now(secret);
    }
}

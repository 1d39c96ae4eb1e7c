package com.estatedesk.infra.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.testsupport.Fixtures;
import com.estatedesk.testsupport.Fixtures.Company;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.Mailbox;
import com.estatedesk.testsupport.Totp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 28 in the browser: a person invited by an admin chooses their own password from the link, and a
 * person who forgot theirs gets a link by email (read from the tests' real SMTP server) and sets a new one.
 */
class ConsoleAccountsIT extends HttpApiTest {

    @Test
    @Tag(ConsoleIT.FULL_JOURNEY)
    void anAdminInvitesAMarketerWhoChoosesAPasswordFromTheLinkAndSignsIn() throws IOException {
        Company company = fixtures.company("Console Invite");
        String email = "tola-" + UUID.randomUUID().toString().substring(0, 8) + "@console.test";
        try (Browser browser = Browser.shared(deployment)) {
            browser.signIn(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company.slug());
            browser.heading("Dashboard");
            browser.open("#/marketers");
            browser.heading("Marketers");
            WebElement register = browser.form("Register a marketer");
            browser.fill(register, "Name", "Tola Invited");
            browser.fill(register, "Email", email);
            // inviting is what the form does unless told otherwise: no password field is in sight
            assertTrue(
                    !browser.input(register, "Password").isDisplayed(), "the password field waits behind its choice");
            browser.submit(register);
            WebElement shown = browser.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice input.invitation-url")));
            String link = shown.getAttribute("value");
            assertTrue(
                    browser.mainText().contains("An email with this link is on its way to " + email),
                    browser::mainText);
            browser.assertAccessible("invitation link");
            browser.screenshot("invitation-link");
            assertEquals(
                    link,
                    Mailbox.link(Mailbox.await(email, 1, Duration.ofSeconds(30)).get(0)));
            browser.signOut();

            browser.driver().get(link);
            browser.heading("Welcome to EstateDesk");
            // The page names whom the link invites and the company's sign-in name: a link passed on by
            // chat comes without the email that says it.
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), company.slug()));
            assertTrue(browser.mainText().contains(email), browser::mainText);
            assertTrue(browser.mainText().contains(company.name() + " has given you a sign-in"), browser::mainText);
            assertTrue(
                    !browser.driver().getCurrentUrl().contains(Mailbox.token(link)), "the token left the address bar");
            browser.assertAccessible("invitation page");
            browser.screenshot("invitation-page");
            WebElement choose = browser.form("Choose your password");
            browser.fill(choose, "New password", "tola-chosen-1");
            browser.fill(choose, "New password again", "tola-chosen-1");
            browser.submit(choose);
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Your password is set"));
            WebElement signIn = browser.form("Sign in");
            assertEquals(email, browser.input(signIn, "Email").getAttribute("value"), "sign-in knows the email");
            assertEquals(company.slug(), browser.input(signIn, "Company").getAttribute("value"));
            browser.signIn(email, "tola-chosen-1", company.slug());
            browser.heading("My clients");
            browser.signOut();

            // The link worked once: it opens no form any more, and says so.
            browser.driver().get(link);
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "This link does not work"));
            assertTrue(
                    browser.driver().findElements(By.cssSelector("main form")).isEmpty(), browser::mainText);
        }
    }

    @Test
    @Tag(ConsoleIT.FULL_JOURNEY)
    void aPersonWhoForgotTheirPasswordSetsANewOneFromTheEmailedLink() throws IOException {
        Company company = fixtures.company("Console Forgot");
        String email = "femi-" + UUID.randomUUID().toString().substring(0, 8) + "@console.test";
        assertEquals(
                201,
                api.post("/marketers", company.adminToken(), Fixtures.person("Femi Forgot", email, "forgotten-1"))
                        .status());
        try (Browser browser = Browser.shared(deployment)) {
            browser.open("#/");
            browser.form("Sign in");
            browser.driver().findElement(By.linkText("Forgot your password?")).click();
            browser.heading("Forgot your password?");
            WebElement ask = browser.form("Get a link to choose a new password");
            browser.fill(ask, "Email", email);
            browser.fill(ask, "Company", company.slug());
            browser.submit(ask);
            browser.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("main .notice"), "a link to choose a new password is on its way"));
            browser.assertAccessible("forgot password");

            String link =
                    Mailbox.link(Mailbox.await(email, 1, Duration.ofSeconds(30)).get(0));
            browser.driver().get(link);
            browser.heading("Choose a new password");
            WebElement choose = browser.form("Choose a new password");
            browser.fill(choose, "New password", "remembered-22");
            browser.fill(choose, "New password again", "remembered-22");
            browser.submit(choose);
            browser.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Your new password is set"));
            browser.signIn(email, "remembered-22", company.slug());
            browser.heading("My clients");
            assertEquals(
                    401,
                    api.post("/auth/token", null, Fixtures.credentials(email, "forgotten-1", company.slug()))
                            .status());
        }
    }

    @Test
    @Tag(ConsoleIT.FULL_JOURNEY)
    void theHistorySaysWhoDidWhatAndAPersonsPageShowsTheirs() throws IOException {
        Company company = fixtures.company("Console History");
        long client = api.post(
                        "/clients",
                        company.adminToken(),
                        Fixtures.person(
                                "Hana History",
                                "hana-" + UUID.randomUUID().toString().substring(0, 8) + "@console.test",
                                null))
                .id();
        assertEquals(
                200,
                api.patch("/clients/" + client, company.adminToken(), "{\"status\":\"DEACTIVATED\"}")
                        .status());
        try (Browser browser = Browser.shared(deployment)) {
            browser.signIn(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company.slug());
            browser.heading("Dashboard");
            browser.driver().findElement(By.linkText("History")).click();
            browser.heading("History");
            browser.until(driver -> browser.mainText().contains("deactivated client Hana History"));
            assertTrue(browser.mainText().contains("registered client Hana History"), browser::mainText);
            assertTrue(browser.mainText().contains("signed in"), browser::mainText);
            WebElement search = browser.driver().findElement(By.cssSelector("form.search"));
            browser.fill(search, "About", "estate");
            search.findElement(By.cssSelector("button[type=submit]")).click();
            browser.until(driver -> browser.mainText().contains("Nothing matches."));
            browser.fill(search, "About", "client");
            search.findElement(By.cssSelector("button[type=submit]")).click();
            browser.until(driver -> browser.mainText().contains("deactivated client Hana History"));
            browser.assertAccessible("history");
            browser.screenshot("history");

            browser.open("#/clients/" + client);
            browser.heading("Hana History");
            browser.until(driver -> browser.mainText().contains("deactivated client Hana History"));

            // At a phone's width: nothing wider than the screen, and a UID is never cut at its hyphen.
            browser.viewport(390, 844);
            for (String route : List.of("#/history", "#/clients/" + client)) {
                browser.open(route);
                browser.until(driver -> browser.mainText().contains("deactivated client Hana History"));
                long overflow = (Long) browser.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow <= 0, route + " is " + overflow + " px wider than the screen");
                Long cut = (Long) browser.script("return [...document.querySelectorAll('main .uid-inline')]"
                        + ".filter((uid) => uid.getClientRects().length > 1).length;");
                assertEquals(0L, cut, route + ": a UID broken over two lines");
                // the entries, where a person scrolls to on a phone
                browser.script("[...document.querySelectorAll('main h2, main table')].pop().scrollIntoView();");
                browser.screenshot(route.equals("#/history") ? "history-phone" : "person-history-phone");
            }
        }
    }

    @Test
    @Tag(ConsoleIT.FULL_JOURNEY)
    void aMarketerTurnsOnTwoStepSignInAndSignsInWithACode() throws IOException {
        Company company = fixtures.company("Console Factor");
        String email = "kemi-" + UUID.randomUUID().toString().substring(0, 8) + "@console.test";
        assertEquals(
                201,
                api.post("/marketers", company.adminToken(), Fixtures.person("Kemi Careful", email, "kemi-password-1"))
                        .status());
        try (Browser browser = Browser.shared(deployment)) {
            browser.signIn(email, "kemi-password-1", company.slug());
            browser.heading("My clients");
            browser.driver().findElement(By.linkText("My account")).click();
            browser.heading("My account");
            browser.driver()
                    .findElement(By.xpath("//button[normalize-space()='Set up two-step sign-in']"))
                    .click();
            String secret = browser.until(
                            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("code.totp-secret")))
                    .getText();
            assertTrue(browser.driver()
                    .findElement(By.cssSelector("img.qr"))
                    .getAttribute("src")
                    .startsWith("data:image/png"));
            browser.assertAccessible("two-step enrolment");
            browser.screenshot("two-step-enrolment");
            WebElement confirm = browser.form("Confirm two-step sign-in");
            browser.fill(confirm, "Code from the app", Totp.now(secret));
            browser.submit(confirm);
            // Every sign-in without a code ended, this one too: back to sign-in, saying why.
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Two-step sign-in is on"));

            // Without the code: refused, as a wrong password would be. With it: in.
            WebElement signIn = browser.form("Sign in");
            browser.fill(signIn, "Email", email);
            browser.fill(signIn, "Password", "kemi-password-1");
            browser.fill(signIn, "Company", company.slug());
            browser.submit(signIn);
            browser.until(ExpectedConditions.textToBePresentInElement(signIn, "Wrong email, password or company"));
            browser.fill(signIn, "Code", Totp.now(secret));
            browser.submit(signIn);
            browser.heading("My clients");
        }
    }
}

package com.estatedesk.infra.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.testsupport.Api;
import com.estatedesk.testsupport.Fixtures;
import com.estatedesk.testsupport.Fixtures.Company;
import com.estatedesk.testsupport.HttpApiTest;
import com.estatedesk.testsupport.World;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The browser console, driven in a real headless Chromium against the WAR on PostgreSQL: it reaches
 * the data only through the public API, so what it shows is what the API lets the signed-in person see.
 */
class ConsoleIT extends HttpApiTest {

    /**
     * The long journeys run on Payara, the reference server; on WildFly (where CI's time is shorter)
     * the marketer's journey and the headers and explorer check show the console works the same.
     */
    static final String FULL_JOURNEY = "full-browser-journey";

    private static final String PLATFORM_EMAIL = System.getenv("ESTATEDESK_ADMIN_EMAIL");
    private static final String PLATFORM_PASSWORD = System.getenv("ESTATEDESK_ADMIN_PASSWORD");

    @Test
    @Tag(FULL_JOURNEY)
    void aCompanyIsCreatedStaffedAndImportedThroughTheConsole() throws IOException {
        try (Browser browser = Browser.shared(deployment)) {
            // 1. A platform admin creates a company; the prefix shows while the name is typed.
            browser.signIn(PLATFORM_EMAIL, PLATFORM_PASSWORD, null);
            browser.heading("Companies");
            browser.assertAccessible("companies");
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            String name = "Lekki Palm Lands " + suffix;
            WebElement create = browser.form("New company");
            browser.fill(create, "Company name", name);
            String preview = browser.until(driver -> {
                String text = create.findElement(By.cssSelector("output")).getText();
                return text.startsWith("Its IDs will start with") ? text : null;
            });
            browser.fill(create, "Admin name", "Ada Admin");
            browser.fill(create, "Admin email", "ada-" + suffix + "@console.test");
            browser.fill(create, "Admin password", "ada-password-1");
            browser.submit(create);
            WebElement created =
                    browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")));
            List<WebElement> strong = created.findElements(By.tagName("strong"));
            String prefix = strong.get(0).getText();
            String slug = strong.get(1).getText();
            assertEquals(
                    "Its IDs will start with " + prefix + "-", preview, "the preview named the prefix the company got");
            browser.signOut();

            // ... and its admin signs in.
            browser.signIn("ada-" + suffix + "@console.test", "ada-password-1", slug);
            browser.heading("Dashboard");

            // 2. Two marketers and a client, each shown with its new UID, and listed.
            browser.open("#/marketers");
            browser.heading("Marketers");
            for (String marketer : List.of("Mary Marketer", "Mark Marketer")) {
                register(browser, "Register a marketer", marketer);
            }
            browser.until(driver -> browser.column(1).size() == 2);
            assertEquals(List.of(prefix + "-MKT001", prefix + "-MKT002"), browser.column(1));
            browser.assertAccessible("marketers");
            browser.open("#/clients");
            browser.heading("Clients");
            assertEquals(prefix + "-CLT001", register(browser, "Register a client", "Chidi Client"));
            browser.until(driver -> browser.column(1).equals(List.of(prefix + "-CLT001")));

            // 4. A name that is HTML is shown as text, and no script runs.
            String hostile = "<img src=x onerror=alert(1)>";
            assertEquals(prefix + "-CLT002", register(browser, "Register a client", hostile));
            browser.until(driver -> browser.column(2).contains(hostile));
            assertEquals(
                    0, browser.driver().findElements(By.cssSelector("main img")).size(), "no element was made of it");
            assertThrows(
                    NoAlertPresentException.class,
                    () -> browser.driver().switchTo().alert());
            browser.assertAccessible("clients");
            browser.screenshot("people-list");

            // 3. A CSV with one bad row: that row's error, nothing created; the corrected file imports.
            browser.open("#/import");
            browser.heading("Import clients");
            Path bad =
                    csv("name,email,phone\nIfe Import,ife-" + suffix + "@console.test,\nBola Import,not-an-email,\n");
            WebElement importForm = browser.form("Import");
            browser.input(importForm, "CSV file (name,email,phone)").sendKeys(bad.toString());
            browser.submit(importForm);
            WebElement errors = browser.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//table[caption[normalize-space()='Rows to correct']]")));
            assertTrue(errors.getText().contains("row 3: email"), errors::getText);
            assertTrue(browser.mainText().contains("Nothing was imported"), browser::mainText);
            browser.assertAccessible("import errors");
            browser.screenshot("import-errors");
            Path good = csv("name,email,phone\nIfe Import,ife-" + suffix + "@console.test,\nBola Import,bola-" + suffix
                    + "@console.test,+2348012345678\n");
            browser.input(importForm, "CSV file (name,email,phone)").sendKeys(good.toString());
            browser.submit(importForm);
            browser.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("main .notice"),
                    "Imported 2 client(s): " + prefix + "-CLT003 to " + prefix + "-CLT004"));

            // The dashboard counts what was made.
            browser.open("#/dashboard");
            browser.heading("Dashboard");
            browser.until(driver -> browser.mainText().contains("Audit: all checks green"));
            assertTrue(browser.mainText().matches("(?s).*\\b2\\s*Marketers.*\\b4\\s*Clients.*"), browser::mainText);
            browser.assertAccessible("dashboard");
            browser.screenshot("dashboard");
        }
    }

    @Test
    @Tag(FULL_JOURNEY)
    void aSecondCompanySeesNothingOfTheFirstEvenByTypingItsIds() throws IOException {
        Company first = fixtures.company("Console First");
        long client = fixtures.register(first, "clients", "First Client", "first@console.test")
                .id();
        long marketer = fixtures.register(first, "marketers", "First Marketer", "first-m@console.test")
                .id();
        Company second = fixtures.company("Console Second");
        fixtures.register(second, "clients", "Second Client", "second@console.test");
        try (Browser a = Browser.shared(deployment);
                Browser b = new Browser(deployment)) {
            a.signIn(first.adminEmail(), Fixtures.ADMIN_PASSWORD, first.slug());
            b.signIn(second.adminEmail(), Fixtures.ADMIN_PASSWORD, second.slug());
            a.open("#/clients");
            a.until(driver -> a.column(1).equals(List.of(first.prefix() + "-CLT001")));
            b.open("#/clients");
            b.until(driver -> b.column(1).equals(List.of(second.prefix() + "-CLT001")));
            assertFalse(b.mainText().contains(first.prefix()), b::mainText);
            for (String route : List.of("#/clients/" + client, "#/marketers/" + marketer)) {
                b.open(route);
                WebElement failure =
                        b.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .failure")));
                assertTrue(failure.getText().startsWith("No "), failure::getText);
                assertFalse(b.mainText().contains("First"), b::mainText);
            }
            // The same ids exist: the first company's own admin opens them.
            a.open("#/clients/" + client);
            a.heading("First Client");
        }
    }

    @Test
    void aMarketerSeesOnlyItsAssignedClientsAndReturnsToItsPageAfterSigningInAgain() throws IOException {
        Company company = fixtures.company("Console Marketers");
        Api.Reply marketer = api.post(
                "/marketers",
                company.adminToken(),
                Fixtures.person("Kemi Marketer", "kemi@console.test", "kemi-password-1"));
        long mine = fixtures.register(company, "clients", "Assigned Client", "assigned@console.test")
                .id();
        long other = fixtures.register(company, "clients", "Other Client", "other@console.test")
                .id();
        assertEquals(
                201,
                api.post(
                                "/assignments",
                                company.adminToken(),
                                "{\"clientId\":" + mine + ",\"marketerId\":" + marketer.id() + "}")
                        .status());
        try (Browser browser = Browser.shared(deployment)) {
            // Signed in with the keyboard alone.
            browser.open("#/");
            WebElement form = browser.form("Sign in");
            browser.input(form, "Email")
                    .sendKeys("kemi@console.test", Keys.TAB, "kemi-password-1", Keys.TAB, company.slug(), Keys.ENTER);
            browser.heading("My clients");
            browser.until(driver -> browser.column(2).equals(List.of("Assigned Client")));
            browser.assertAccessible("marketer's clients");
            browser.open("#/clients/" + other);
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .failure")));
            assertFalse(browser.mainText().contains("Other Client"));
            assertFalse(browser.driver().getCurrentUrl().contains("eyJ"), "no token in the URL");

            // The token stops working (here: replaced by a dead one): back to sign-in, then to the same page.
            browser.open("#/clients/" + mine);
            browser.heading("Assigned Client");
            browser.script("sessionStorage.setItem('estatedesk.token', 'expired')");
            browser.open("#/allocations");
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Your session has ended"));
            WebElement again = browser.form("Sign in");
            browser.fill(again, "Email", "kemi@console.test");
            browser.fill(again, "Password", "kemi-password-1");
            browser.fill(again, "Company", company.slug());
            browser.submit(again);
            browser.heading("Allocations");
            assertTrue(browser.driver().getCurrentUrl().endsWith("#/allocations"));
        }
    }

    @Test
    @Tag(FULL_JOURNEY)
    void allocatingTheLastUnitShowsNoneLeft() throws IOException {
        Company company = fixtures.company("Console Estates");
        long client = api.post(
                        "/clients",
                        company.adminToken(),
                        Fixtures.person("Buyer One", "buyer@console.test", "buyer-password-1"))
                .id();
        long estate = api.post(
                        "/estates",
                        company.adminToken(),
                        "{\"name\":\"Palm Court\",\"location\":\"Lekki\","
                                + "\"size\":12.5,\"sizeUnit\":\"HECTARES\",\"titleDeed\":\"GAZETTE\"}")
                .id();
        long size = api.post("/plot-sizes", company.adminToken(), "{\"size\":\"500sqm\"}")
                .id();
        long numberA = api.post("/plot-numbers", company.adminToken(), "{\"number\":\"A-1\"}")
                .id();
        long numberB = api.post("/plot-numbers", company.adminToken(), "{\"number\":\"A-2\"}")
                .id();
        assertEquals(
                201,
                api.post(
                                "/estates/" + estate + "/plots",
                                company.adminToken(),
                                "{\"plotSizeId\":" + size + ",\"totalUnits\":2,\"plotNumberIds\":[" + numberA + ","
                                        + numberB + "]}")
                        .status());
        assertEquals(
                201,
                api.post(
                                "/allocations",
                                company.adminToken(),
                                "{\"clientId\":" + client + ",\"estateId\":" + estate + ",\"plotSizeId\":" + size
                                        + ",\"plotNumberId\":" + numberA + ",\"paymentType\":\"FULL\"}")
                        .status());
        try (Browser browser = Browser.shared(deployment)) {
            browser.signIn(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company.slug());
            browser.open("#/estates/" + estate);
            browser.heading("Palm Court");
            browser.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("figure.availability"), "1 of 2 units left"));

            browser.open("#/allocations");
            browser.heading("Allocations");
            WebElement allocate = browser.form("Allocate a plot");
            browser.fill(allocate, "Client", "Buyer One · " + company.prefix() + "-CLT001");
            browser.fill(allocate, "Estate", "Palm Court");
            browser.until(driver -> !browser.input(allocate, "Plot size")
                    .findElements(By.tagName("option"))
                    .isEmpty());
            browser.fill(allocate, "Plot size", "500sqm (1 left)");
            browser.fill(allocate, "Plot number", "A-2");
            browser.fill(allocate, "Payment", "Full (needs a plot number)");
            browser.submit(allocate);
            browser.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("main .notice"),
                    "Allocated 500sqm, plot A-2, in Palm Court to Buyer One (" + company.prefix() + "-CLT001)."));
            // The list reads by name and ID, estate, size and number: no database id anywhere.
            browser.until(driver -> browser.column(1).size() == 2);
            assertEquals(
                    List.of("Buyer One · " + company.prefix() + "-CLT001"),
                    browser.column(1).stream().distinct().toList());
            assertEquals(List.of("Palm Court", "Palm Court"), browser.column(2));
            assertEquals(
                    List.of("A-1", "A-2"), browser.column(4).stream().sorted().toList());
            assertTrue(browser.mainText().contains("Full payment"), browser::mainText);
            browser.assertAccessible("allocations");
            browser.screenshot("allocations");

            browser.open("#/estates/" + estate);
            browser.heading("Palm Court");
            WebElement picture =
                    browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("figure.availability")));
            browser.until(ExpectedConditions.textToBePresentInElement(picture, "0 of 2 units left"));
            assertEquals(
                    "500sqm: 0 of 2 units left",
                    picture.findElement(By.cssSelector("[role=img]")).getAttribute("aria-label"));
            assertEquals(2, picture.findElements(By.cssSelector(".unit.taken")).size());
            assertTrue(picture.getText().contains("A-2 (allocated)"), picture::getText);
            browser.assertAccessible("estate availability");
            browser.screenshot("estate-availability");
        }
        // The buyer reads its own allocations by estate, size and number.
        try (Browser buyer = Browser.shared(deployment)) {
            buyer.signIn("buyer@console.test", "buyer-password-1", company.slug());
            buyer.open("#/allocations");
            buyer.heading("My allocations");
            buyer.until(driver -> buyer.column(1).size() == 2);
            assertEquals(List.of("Palm Court", "Palm Court"), buyer.column(1));
            assertEquals(
                    List.of("A-1", "A-2"), buyer.column(3).stream().sorted().toList());
            assertEquals(List.of(), buyer.consoleErrors(), "a client's pages ask for nothing it may not read");
        }
    }

    @Test
    @Tag(FULL_JOURNEY)
    void aMarketersPageListsItsClientsAndAClientStartsAConversation() throws IOException {
        Company company = fixtures.company("Console Messages");
        Api.Reply marketer = api.post(
                "/marketers",
                company.adminToken(),
                Fixtures.person("Tola Marketer", "tola@console.test", "tola-password-1"));
        Api.Reply client = api.post(
                "/clients",
                company.adminToken(),
                Fixtures.person("Uche Client", "uche@console.test", "uche-password-1"));
        assertEquals(
                201,
                api.post(
                                "/assignments",
                                company.adminToken(),
                                "{\"clientId\":" + client.id() + ",\"marketerId\":" + marketer.id() + "}")
                        .status());
        String clientUid = client.json().getString("uid");
        try (Browser admin = Browser.shared(deployment)) {
            admin.signIn(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company.slug());
            admin.open("#/marketers/" + marketer.id());
            admin.heading("Tola Marketer");
            WebElement clients = admin.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//table[caption[normalize-space()='Clients of Tola Marketer']]")));
            assertTrue(
                    clients.getText().contains(clientUid) && clients.getText().contains("Uche Client"),
                    clients::getText);
            admin.assertAccessible("marketer's page");
            admin.screenshot("person-page");
        }
        try (Browser uche = Browser.shared(deployment)) {
            // Never written to, the client still finds whom to write to: its marketer and its admin.
            uche.signIn("uche@console.test", "uche-password-1", company.slug());
            uche.open("#/messages/inbox");
            uche.heading("Messages");
            WebElement write = uche.form("Write a message");
            uche.fill(write, "To", "Tola Marketer (" + marketer.json().getString("uid") + "), marketer");
            uche.fill(write, "Message", "Is plot A-2 in Palm Court still free?");
            uche.submit(write);
            uche.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("main .notice"), "Sent to Tola Marketer"));
            assertTrue(uche.driver().getCurrentUrl().endsWith("#/messages/sent"), "the address says Sent");
            uche.until(driver -> uche.mainText().contains("to Tola Marketer"));
        }
        try (Browser tola = Browser.shared(deployment)) {
            tola.signIn("tola@console.test", "tola-password-1", company.slug());
            tola.open("#/messages/inbox");
            tola.heading("Messages");
            tola.until(driver -> tola.mainText().contains("from Uche Client (" + clientUid + "), client"));
            tola.assertAccessible("messages");
            tola.screenshot("messages");
        }
    }

    @Test
    @Tag(FULL_JOURNEY)
    void companiesAreSearchedAndListedNewestFirst() throws IOException {
        String tag = "Searchable " + UUID.randomUUID().toString().substring(0, 6);
        // Explicit prefixes: derived ones would take initials that other tests expect to be free.
        String stem = "Z"
                + (UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "abc")
                        .substring(0, 3)
                        .toUpperCase();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            String name = tag + " Homes " + i;
            Api.Reply created = api.post(
                    "/companies",
                    fixtures.platformToken(),
                    "{\"name\":\"" + name + "\",\"prefix\":\"" + stem + i + "\",\"admin\":{\"name\":\"A\","
                            + "\"email\":\"a" + i + "-" + UUID.randomUUID()
                            + "@search.test\",\"password\":\"search-password\"}}");
            assertEquals(201, created.status(), created::toString);
            names.add(name);
        }
        try (Browser browser = Browser.shared(deployment)) {
            browser.signIn(PLATFORM_EMAIL, PLATFORM_PASSWORD, null);
            browser.heading("Companies");
            // The list comes first, newest first (other journeys may add companies meanwhile: search by tag).
            browser.until(driver -> !browser.column(1).isEmpty());
            WebElement search = browser.driver().findElement(By.cssSelector("main form[role=search]"));
            browser.fill(search, "Search companies (name, slug or prefix)", tag);
            search.submit();
            browser.until(driver -> browser.column(1).size() == 31);
            List<String> reversed = new java.util.ArrayList<>(names);
            java.util.Collections.reverse(reversed);
            assertEquals(reversed, browser.column(1));
            browser.fill(search, "Search companies (name, slug or prefix)", tag + " Homes 17");
            search.submit();
            browser.until(driver -> browser.column(1).equals(List.of(tag + " Homes 17")));
            browser.assertAccessible("companies search");
        }
    }

    @Test
    @Tag(FULL_JOURNEY)
    void deactivatingAsksFirstAndALongNameWrapsOnAPhone() throws IOException {
        Company company = fixtures.company("Console Confirm");
        String longName = "N".repeat(200);
        long person = fixtures.register(company, "clients", longName, "long@console.test")
                .id();
        try (Browser browser = Browser.shared(deployment)) {
            browser.signIn(company.adminEmail(), Fixtures.ADMIN_PASSWORD, company.slug());
            browser.open("#/clients/" + person);
            browser.heading(longName);
            WebElement deactivate = browser.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[starts-with(normalize-space(), 'Deactivate')]")));
            deactivate.click();
            WebElement dialog = browser.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm[open]")));
            assertTrue(dialog.getText().contains("Their login ends at once"), dialog::getText);
            assertEquals("ACTIVE", status(company, person), "nothing happens before the answer");
            dialog.findElement(By.xpath(".//button[normalize-space()='Cancel']"))
                    .click();
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.confirm")));
            assertEquals("ACTIVE", status(company, person), "cancelled: still active");

            browser.until(ExpectedConditions.elementToBeClickable(
                            By.xpath("//button[starts-with(normalize-space(), 'Deactivate')]")))
                    .click();
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm[open]")))
                    .findElement(By.xpath(".//button[normalize-space()='Deactivate']"))
                    .click();
            browser.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("main .notice"), "is deactivated."));
            assertEquals("DEACTIVATED", status(company, person));

            // At a phone's width a 200-character unbroken name wraps: nothing is wider than the screen.
            browser.viewport(390, 844);
            for (String route : List.of("#/clients/" + person, "#/clients")) {
                browser.open(route);
                browser.until(driver -> browser.mainText().contains(longName.substring(0, 20)));
                long overflow = (Long) browser.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow <= 0, route + " is " + overflow + " px wider than the screen");
            }
        }
    }

    /** Every page of every role, opened from its menu: no script error, no failed request, in the browser's log. */
    @Test
    @Tag(FULL_JOURNEY)
    void everyPageOfEveryRoleOpensWithoutABrowserError() throws IOException {
        World world = World.build(api, fixtures, "Console Tour");
        java.util.Map<String, String[]> logins = new java.util.LinkedHashMap<>();
        logins.put("platform", new String[] {PLATFORM_EMAIL, PLATFORM_PASSWORD, null});
        logins.put("admin", new String[] {
            world.company().adminEmail(),
            Fixtures.ADMIN_PASSWORD,
            world.company().slug()
        });
        String tag = Long.toString(world.company().id());
        logins.put("marketer", new String[] {
            "mark" + tag + "@world.test", World.PASSWORD, world.company().slug()
        });
        logins.put("client", new String[] {
            "cliff" + tag + "@world.test", World.PASSWORD, world.company().slug()
        });
        for (var login : logins.entrySet()) {
            try (Browser browser = Browser.shared(deployment)) {
                browser.signIn(login.getValue()[0], login.getValue()[1], login.getValue()[2]);
                List<String> menu = browser.driver().findElements(By.cssSelector("#nav a, #who a")).stream()
                        .map(a -> a.getAttribute("href"))
                        .toList();
                assertFalse(menu.isEmpty(), login.getKey());
                for (String href : menu) {
                    browser.driver().get(href);
                    browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
                    browser.until(driver -> !browser.mainText().contains("Loading…"));
                }
                assertEquals(List.of(), browser.consoleErrors(), login.getKey() + " touring " + menu);
            }
        }
    }

    @Test
    @Tag(FULL_JOURNEY)
    void aPersonChangesTheirOwnPasswordAndSignsInWithTheNewOne() throws IOException {
        Company company = fixtures.company("Console Account");
        assertEquals(
                201,
                api.post(
                                "/marketers",
                                company.adminToken(),
                                Fixtures.person("Ngozi Marketer", "ngozi@console.test", "old-password-1"))
                        .status());
        try (Browser browser = Browser.shared(deployment)) {
            browser.signIn("ngozi@console.test", "old-password-1", company.slug());
            browser.driver().findElement(By.linkText("My account")).click();
            browser.heading("My account");
            WebElement change = browser.form("Change your password");
            browser.fill(change, "Current password", "old-password-1");
            browser.fill(change, "New password", "new-password-22");
            browser.fill(change, "New password again", "new-password-2");
            browser.submit(change);
            browser.until(ExpectedConditions.textToBePresentInElement(change, "must be the same as the new password"));
            browser.fill(change, "New password again", "new-password-22");
            browser.submit(change);
            browser.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "Your password is changed"));
            assertEquals(
                    401,
                    api.post(
                                    "/auth/token",
                                    null,
                                    Fixtures.credentials("ngozi@console.test", "old-password-1", company.slug()))
                            .status());
            browser.signIn("ngozi@console.test", "new-password-22", company.slug());
            browser.heading("My clients");
        }
    }

    private String status(Company company, long client) {
        return api.get("/clients/" + client, company.adminToken()).json().getString("status");
    }

    /** Served with headers that forbid inline and foreign code, framing and sniffing; the first screen is small. */
    @Test
    void theConsoleIsServedSafelyAndLightly() throws IOException {
        long firstScreen = 0;
        for (String path : List.of(
                "", "assets/app.js", "assets/api.js", "assets/ui.js", "assets/pages.js", "assets/console.css")) {
            Api.Reply response = get(path);
            assertEquals(200, response.status(), path);
            String policy = response.header("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
            assertEquals("nosniff", response.header("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", response.header("Referrer-Policy").orElse(""), path);
            firstScreen += response.body().getBytes(StandardCharsets.UTF_8).length;
        }
        assertTrue(get("").contentType().startsWith("text/html"));
        assertTrue(firstScreen < 200 * 1024, "first screen: " + firstScreen + " bytes");
        System.out.println("Console first screen: " + firstScreen + " bytes uncompressed");
        // The API's answers carry the same headers (a problem rendered by a browser is inert too).
        assertTrue(api.get("/me", null)
                .header("Content-Security-Policy")
                .orElse("")
                .contains("default-src 'self'"));

        try (Browser browser = Browser.shared(deployment)) {
            browser.open("api-explorer.html");
            browser.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".swagger-ui .info"), "EstateDesk API"));
            assertTrue(
                    browser.driver().findElements(By.cssSelector(".opblock")).size() > 30, "every operation is listed");
        }
    }

    /** A file of the console, from the deployment's root (the API client's own sender, outside /api/v1). */
    private Api.Reply get(String path) {
        return api.send(HttpRequest.newBuilder(URI.create(deployment.toString()).resolve(path))
                .GET());
    }

    /** Registers through the named form and returns the UID the console announced. */
    private static String register(Browser browser, String formTitle, String name) {
        WebElement form = browser.form(formTitle);
        browser.fill(form, "Name", name);
        browser.fill(form, "Email", UUID.randomUUID().toString().substring(0, 8) + "@console.test");
        browser.submit(form);
        return browser.until(driver -> {
            List<WebElement> notices = driver.findElements(By.cssSelector("main .notice"));
            // "Registered UID — name", then (for an invitation) the link to pass on
            return notices.isEmpty() || !notices.get(0).getText().contains(" — " + name)
                    ? null
                    : notices.get(0).findElement(By.cssSelector("[data-uid]")).getText();
        });
    }

    private static Path csv(String content) throws IOException {
        Path file = Files.createTempFile("console-import", ".csv");
        Files.writeString(file, content);
        file.toFile().deleteOnExit();
        return file;
    }
}

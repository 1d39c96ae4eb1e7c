package com.estatedesk.infra.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, never downloaded) driving the
 * console at the deployment's root, like a person with a keyboard. One instance is one browser
 * profile: two of them are two people who share nothing (no storage, no token).
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("estatedesk.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("estatedesk.chromedriver", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final URL root;
    private final Path profile;
    /** Handed out by {@link #shared}: closing it forgets the person (storage, page, size) but keeps Chromium. */
    private boolean reusable;

    private static Browser shared;

    /**
     * The one browser the journeys take turns with: starting Chromium costs about a second and a half,
     * and a journey that closes it leaves nothing behind (no token, no page, the usual window size).
     */
    static synchronized Browser shared(URL root) throws IOException {
        if (shared == null || !shared.root.equals(root)) {
            shared = new Browser(root);
            shared.reusable = true;
            Browser started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.quit();
                } catch (IOException | RuntimeException ignored) {
                    // the JVM is ending; the profile directory is temporary
                }
            }));
        }
        return shared;
    }

    Browser(URL root) throws IOException {
        this.root = root;
        this.profile = Files.createTempDirectory("estatedesk-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The flags our machines need: no sandbox as root, and no background calls to Google's hosts.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1200,900",
                "--user-data-dir=" + profile);
        // No password manager: a journey must type what it means, never find the last one's credentials.
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of("credentials_enable_service", false, "profile.password_manager_enabled", false));
        options.setCapability(
                "goog:loggingPrefs", java.util.Map.of(org.openqa.selenium.logging.LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a console route, e.g. "#/clients". */
    void open(String route) {
        driver.get(root.toString() + route);
    }

    <T> T until(Function<WebDriver, T> condition) {
        // The console re-renders as answers arrive: an element read a moment ago may be gone; look again.
        // Looked at every 100 ms (the default is 500): a journey waits on dozens of renders.
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement heading(String text) {
        try {
            return until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//main//h1[normalize-space()='" + text + "']")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "no heading '" + text + "' at " + driver.getCurrentUrl() + "; the page says: "
                            + driver.findElement(By.tagName("body")).getText() + "; the log: " + consoleErrors(),
                    e);
        }
    }

    /** The input of the field whose label is exactly this text, inside the given container (or the page). */
    WebElement input(WebElement container, String label) {
        WebElement labelElement =
                container.findElement(By.xpath(".//label[normalize-space()=" + xpathLiteral(label) + "]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    /** The form of this title; one kept behind its opener (a closed details) is opened as a person would. */
    WebElement form(String title) {
        By selector = By.cssSelector("form[aria-label=" + cssLiteral(title) + "]");
        // In one retried step: the page may re-render between finding the form and opening it.
        try {
            return until(driver -> {
                WebElement form = driver.findElement(selector);
                script(
                        "const d = arguments[0].closest('details'); if (d && !d.open) d.querySelector('summary').click();",
                        form);
                return form.isDisplayed() ? form : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "no form '" + title + "' at " + driver.getCurrentUrl() + "; the page says: "
                            + driver.findElement(By.tagName("body")).getText() + "; the log: " + consoleErrors(),
                    e);
        }
    }

    /** What the page logged as an error since the last call: script errors and failed loads (404, 403, …). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage())
                .toList();
    }

    /** Resizes the window's viewport (e.g. 390 px: a phone). */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    void fill(WebElement form, String label, String value) {
        WebElement input = input(form, label);
        if ("select".equals(input.getTagName())) {
            new org.openqa.selenium.support.ui.Select(input).selectByVisibleText(value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    /** Signs out and waits until the sign-in form is back (signing out is asynchronous: it revokes the token first). */
    void signOut() {
        driver.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        form("Sign in");
        until(driver -> driver.findElements(By.cssSelector("#nav a")).isEmpty());
    }

    void submit(WebElement form) {
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    void signIn(String email, String password, String company) {
        open("#/");
        WebElement form = form("Sign in");
        fill(form, "Email", email);
        fill(form, "Password", password);
        if (company != null) {
            fill(form, "Company", company);
        }
        submit(form);
        until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Sign out']")));
    }

    String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    List<String> column(int index) {
        return driver.findElements(By.cssSelector("main tbody tr td:nth-child(" + index + ")")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** axe-core's findings on the current page that are serious or critical; there must be none. */
    void assertAccessible(String pageName) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertEquals(List.of(), serious, pageName + ": serious or critical accessibility violations");
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .limit(3)
                        .toList();
    }

    /** Saves a screenshot to docs/ when -Destatedesk.screenshots=DIR is given (never in CI). */
    void screenshot(String name) throws IOException {
        String directory = System.getProperty("estatedesk.screenshots");
        if (directory == null || directory.isBlank()) {
            return;
        }
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of(directory));
        Files.write(Path.of(directory, name + ".png"), png);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    static String cssLiteral(String text) {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws IOException {
        if (reusable) {
            // Forget the person on a page of the same origin that runs none of the console's code, which
            // would otherwise act on the token it finds while it is being cleared.
            driver.get(root.toString() + "assets/favicon.svg");
            script("sessionStorage.clear(); localStorage.clear();");
            driver.get("about:blank");
            viewport(1200, 900);
            consoleErrors(); // read and so forgotten: the next journey starts with an empty log
            return;
        }
        quit();
    }

    private void quit() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
    }
}

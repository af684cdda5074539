package org.debtledger.standalone;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Debian's headless Chromium, driven through its chromedriver, on the console of a test ledger. Where Chromium is
 * missing, a test is skipped with the line that installs it, unless {@code LEDGER_BROWSER_TESTS=required} (CI sets
 * it), where it fails instead.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    static Browser open(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String how = "the browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver";
            if ("required".equals(System.getenv("LEDGER_BROWSER_TESTS"))) {
                Assertions.fail(how);
            }
            Assumptions.abort(how);
        }
        try {
            Path profile = Files.createTempDirectory("console-browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,900");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, "http://127.0.0.1:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
    }

    /** Signs in with the form as {@code user}, in a session of its own. */
    void signIn(String user) {
        driver.manage().deleteAllCookies();
        go("/console/sign-in");
        type("username", user);
        type("password", StandaloneLedger.PASSWORDS.get(user));
        click(By.cssSelector("form button[type=submit]"));
        waitFor(By.cssSelector("form.who"));
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date field, whose typing follows the browser's locale, to {@code date}. */
    void date(String id, LocalDate date) {
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), date.toString());
    }

    void click(By what) {
        driver.findElement(what).click();
    }

    /** Clicks the button whose text is {@code label}. */
    void press(String label) {
        click(By.xpath("//button[normalize-space()='" + label + "']"));
    }

    /**
     * Waits for the page's confirmation ({@code .done}) to read {@code text}: after a form is sent, the page before
     * its answer may still show a confirmation of its own until the answer replaces it.
     */
    void done(String text) {
        waitForText(By.cssSelector(".done"), text);
    }

    /** The element once it is shown; if it is not within 10 s, the failure says what the page showed instead. */
    WebElement waitFor(By what) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(what));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " on " + driver.getCurrentUrl() + ", which shows:\n" + page(), e);
        }
    }

    /** Waits up to 30 s for {@code what} to read {@code text}, as a page that refreshes itself comes to. */
    void waitForText(By what, String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(what, text));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " reading " + text + " on " + driver.getCurrentUrl()
                    + ", which shows:\n" + page(), e);
        }
    }

    /** Waits, up to 10 s, until the browser is on a page whose address contains {@code part}: a form's answer. */
    void waitForUrl(String part) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
        } catch (TimeoutException e) {
            throw new AssertionError("not on a page with " + part + " but on " + driver.getCurrentUrl(), e);
        }
    }

    /** Reloads the page until {@code what} is on it, for up to 15 s, as a person waiting for a late entry would. */
    void reloadUntilShown(By what) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(500)).until(shown -> {
                if (!shown.findElements(what).isEmpty()) {
                    return true;
                }
                shown.navigate().refresh();
                return false;
            });
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " on " + driver.getCurrentUrl() + ", which shows:\n" + page(), e);
        }
    }

    String text(By what) {
        return waitFor(what).getText();
    }

    String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the browser shows as {@code target/console-screenshots/<name>.png}, at the width it has now. */
    void screenshot(String name) {
        screenshot(SCREENSHOTS, name);
    }

    /** Saves what the browser shows as {@code <folder>/<name>.png}, at the width it has now. */
    void screenshot(Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fields on the page that a screen reader could not name: inputs, selects and text areas without a label
     * or an {@code aria-label}, and buttons without text or label.
     */
    @SuppressWarnings("unchecked")
    List<String> unnamedFields() {
        return (List<String>) driver.executeScript("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
                    .filter(field => field.tagName === 'BUTTON'
                        ? !(field.textContent.trim() || field.getAttribute('aria-label'))
                        : !(field.labels.length || field.getAttribute('aria-label')))
                    .map(field => field.outerHTML);""");
    }

    /** Sets a time field, whose typing follows the browser's locale, to {@code time} ({@code HH:mm}). */
    void time(String id, String time) {
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), time);
    }

    /** Whether the page is wider than the window, which a phone would show as a sideways scroll. */
    boolean widerThanTheWindow() {
        return !driver.executeScript("return document.documentElement.scrollWidth").equals(
                driver.executeScript("return document.documentElement.clientWidth"));
    }

    void width(int pixels) {
        driver.manage().window().setSize(new Dimension(pixels, 900));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}

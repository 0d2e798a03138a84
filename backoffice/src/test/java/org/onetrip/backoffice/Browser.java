package org.onetrip.backoffice;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the page tests: Debian's Chromium, headless, driven through Debian's
 * chromedriver by Selenium (no driver or browser download). Without them the test is skipped with
 * the reason, unless {@code ONETRIP_TEST_BROWSER=required} (set by scripts/test, which installs
 * both), where their absence fails it. Waits are on page state, never on time.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Browser(String base, int width, int height) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
            String why = "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER + ")";
            if ("required".equals(System.getenv("ONETRIP_TEST_BROWSER"))) {
                throw new IllegalStateException(why + ", and ONETRIP_TEST_BROWSER=required");
            }
            Assumptions.abort(why + "; ./scripts/test installs them");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=zh-CN", "--force-device-scale-factor=1",
                "--hide-scrollbars");
        // Headless Chromium sends Accept-Language from this preference, not from --lang.
        o.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        this.driver = new ChromeDriver(service, o);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.driver.manage().window().setSize(new Dimension(width, height));
        this.base = base;
    }

    Browser(String base) {
        this(base, 1366, 768);
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        // The page may reload between finding the element and reading it: a stale element is "not yet".
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            List<WebElement> e = d.findElements(By.cssSelector(css));
            return e.isEmpty() ? null : e.get(0);
        });
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        return untilRead(d -> {
            List<WebElement> e = d.findElements(By.cssSelector(css));
            return e.isEmpty() ? null : e.get(0).getText();
        });
    }

    /** Waits until the element's text contains {@code expected} (after a form posts and the page reloads). */
    String waitText(String css, String expected) {
        return untilRead(d -> {
            List<WebElement> e = d.findElements(By.cssSelector(css));
            if (e.isEmpty()) {
                return null;
            }
            String t = e.get(0).getText();
            return t.contains(expected) ? t : null;
        });
    }

    /**
     * Runs {@code read} until it answers (not null), for 30 s. The page may reload between finding an
     * element and reading it: a stale element is "not yet", and so is Chromium's "Node with given id
     * does not belong to the document", which Selenium does not map to a stale element (a text read
     * right after a post's page came up failed the suite once on it, as a select had before).
     */
    private <T> T untilRead(java.util.function.Function<org.openqa.selenium.WebDriver, T> read) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                return read.apply(d);
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /**
     * Chooses {@code value} in the select {@code css}. Found and chosen again while the page is
     * still being replaced after a post: Chromium then answers a stale element, or "node does not
     * belong to the document", which Selenium does not map to a stale element.
     */
    void selectByValue(String css, String value) {
        untilRead(d -> {
            new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
            return true;
        });
    }

    void signIn(String id, String password) {
        open("/staff/signin");
        type("#staff_id", id);
        type("#password", password);
        click("#signin");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().contains("/staff/signin")
                || !d.findElements(By.cssSelector("#signin-error")).isEmpty());
    }

    String cookie(String name) {
        Cookie c = driver.manage().getCookieNamed(name);
        return c == null ? null : c.getValue();
    }

    /** A GET with this browser's staff session, outside the browser (e.g. a CSV download). */
    HttpResponse<String> getWithSession(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "onetrip_staff=" + cookie("onetrip_staff")).GET());
    }

    /** A form POST with this browser's staff session and the given body (to test what a page would not send). */
    HttpResponse<String> postWithSession(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "onetrip_staff=" + cookie("onetrip_staff"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Makes the page's own area (the viewport) {@code width} x {@code height}, whatever the browser's frame takes. */
    void viewport(int width, int height) {
        Number frame = (Number) driver.executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(width, height + Math.max(0, frame.intValue())));
    }

    /**
     * The whole page, not only the window: the window is made as tall as the document (plus the
     * browser's own frame, if any), drawn, then given its size back.
     */
    void screenshotFullPage(Path file) {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript("return Math.max(document.documentElement.scrollHeight, "
                + "document.body.scrollHeight)");
        Number frame = (Number) driver.executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(),
                Math.max(before.getHeight(), height.intValue() + Math.max(0, frame.intValue()))));
        try {
            screenshot(file);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

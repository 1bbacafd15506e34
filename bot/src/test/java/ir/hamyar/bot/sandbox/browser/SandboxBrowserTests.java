package ir.hamyar.bot.sandbox.browser;

import ir.hamyar.bot.HamyarApplication;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sandbox web chat in a real headless Chromium: a person creates a user, registers through the membership
 * form only by clicking and typing on the page, and reaches the main menu. The page must be right to left and
 * its Persian must render; the screenshot is kept under {@code target/browser/} for a human to look at.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromium-driver} at fixed paths (installed by {@code .ci/run}), so
 * Selenium Manager never looks for or downloads a browser. A missing browser fails the test: it never skips.
 */
class SandboxBrowserTests {

    private static final Path CHROMIUM = Path.of(System.getProperty("hamyar.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    private static final Path ARTIFACTS = Path.of("target", "browser");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    private static final String PHONE = "+989121239001";
    private static final String NAME = "سارا رضایی";
    private static final String NATIONAL_CODE = "0013542419";

    static ConfigurableApplicationContext app;
    static ChromeDriver browser;
    static String base;
    /** How many bot messages the page showed before the last action: replies are looked for after them. */
    static int lastActionAt;

    /** A failing step leaves a picture of the page next to the report. */
    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            screenshot("failure-" + context.getRequiredTestMethod().getName() + ".png");
        }
    };

    @BeforeAll
    static void startAppAndBrowser() {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        TestPostgres.Database db = TestPostgres.newDatabase("browser");
        app = SpringApplication.run(HamyarApplication.class,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--server.port=0",
                "--hamyar.telegram.token=",
                "--hamyar.bale.token=",
                "--hamyar.poll-timeout=2s",
                "--hamyar.runtime.sweep-interval=100ms");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // root in a container: no user namespace sandbox; /dev/shm may be tiny
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=fa-IR", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aNewcomerRegistersThroughTheFormByClickingAndSeesTheMainMenuInPersian() throws IOException {
        browser.get(base + "/sandbox");

        click(byTestId("new-user"));
        WebElement firstName = visible(byTestId("user-first-name"));
        firstName.sendKeys("Sara");
        click(byTestId("user-create"));
        await("the new user's chat opens", d -> byTestIdEnabled("message-input"));

        send("/start");
        tap(t("membership.terms_accept"));
        awaitBotMessageContaining(t("membership.ask_phone"));

        // the bot's reply keyboard asks for the contact: the page asks for the number once, as a phone would
        WebElement shareButton = await("the contact button", d -> d.findElements(
                By.cssSelector("[data-testid=reply-button][data-request-contact=true]")).stream().findFirst().orElse(null));
        lastActionAt = botMessageCount();
        shareButton.click();
        WebElement phone = visible(byTestId("contact-phone"));
        phone.clear();
        phone.sendKeys(PHONE);
        click(byTestId("contact-confirm"));
        awaitBotMessageContaining(t("membership.ask_name"));

        send(NAME);
        awaitBotMessageContaining(t("membership.ask_national_code"));
        send(NATIONAL_CODE);
        awaitBotMessageContaining(t("membership.ask_birth_year"));
        send("۱۳۷۵");
        awaitBotMessageContaining(t("membership.ask_education"));
        tap(t("membership.education.BACHELOR"));
        awaitBotMessageContaining(t("membership.ask_expertise"));
        tap(t("common.skip"));
        awaitBotMessageContaining(t("membership.ask_province"));
        tap("تهران");
        awaitBotMessageContaining(t("membership.ask_county", "تهران"));
        tap("تهران");
        awaitBotMessageContaining(t("membership.ask_interests"));
        tap(t("membership.interest.economic"));
        await("the interest marked as chosen", d -> inlineLabels().contains(t("membership.chosen", t("membership.interest.economic"))));
        tap(t("membership.interests_done"));
        await("the summary with its confirm button", d -> inlineLabels().contains(t("common.confirm")));
        tap(t("common.confirm"));

        awaitBotMessageContaining(t("membership.welcome", NAME).split("\n")[0]);
        await("the main menu as reply buttons", d -> replyLabels().contains(t("membership.menu.profile")));

        WebElement messages = browser.findElement(byTestId("message-list"));
        assertThat(messages.getCssValue("direction")).isEqualTo("rtl");
        assertThat(messages.getText()).containsPattern("[\\u0600-\\u06FF]").contains(NAME);
        assertThat(renderedFontsOfMy(NAME))
                .as("the fonts Chromium really drew my Persian name with: the page's bundled one, whatever the machine has")
                .containsExactly("Vazirmatn");

        Path shot = screenshot("sandbox-registration.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM member WHERE national_code = ? AND phone_verified", Integer.class, NATIONAL_CODE))
                .isEqualTo(1);
    }

    // ---------------------------------------------------------------- page actions

    static String t(String key, Object... args) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, key, args));
    }

    static By byTestId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    static boolean byTestIdEnabled(String id) {
        List<WebElement> found = browser.findElements(byTestId(id));
        return !found.isEmpty() && found.get(0).isEnabled();
    }

    static void click(By by) {
        await("clickable " + by, d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() && e.isEnabled() ? e : null;
        }).click();
    }

    static WebElement visible(By by) {
        return await("visible " + by, d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() ? e : null;
        });
    }

    /** Types into the composer and presses the send button. */
    static void send(String text) {
        WebElement input = visible(byTestId("message-input"));
        input.sendKeys(text);
        lastActionAt = botMessageCount();
        click(byTestId("send-button"));
        await("my message shown", d -> userTexts().stream().anyMatch(m -> m.contains(text)));
    }

    /** Clicks the current reply button, or else the newest inline button, with this label, as the person would. */
    static void tap(String label) {
        WebElement button = await("a button labelled " + label, d -> {
            List<WebElement> reply = d.findElements(By.cssSelector("[data-testid=reply-button]")).stream()
                    .filter(b -> label.equals(b.getText().strip())).toList();
            if (!reply.isEmpty()) {
                return reply.get(0);
            }
            List<WebElement> inline = d.findElements(By.cssSelector("[data-testid=inline-button]")).stream()
                    .filter(b -> label.equals(b.getText().strip())).toList();
            return inline.isEmpty() ? null : inline.get(inline.size() - 1);
        });
        lastActionAt = botMessageCount();
        button.click();
    }

    /** Waits for a bot message shown after the last action whose text contains this (spacing aside). */
    static void awaitBotMessageContaining(String text) {
        String wanted = squeeze(text);
        await("a bot message containing «" + text + "»", d -> {
            List<String> texts = botTexts();
            return texts.subList(Math.min(lastActionAt, texts.size()), texts.size()).stream()
                    .anyMatch(m -> squeeze(m).contains(wanted));
        });
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    @SuppressWarnings("unchecked")
    static List<String> texts(String selector) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText);", selector);
    }

    static List<String> botTexts() {
        return texts("[data-testid=bot-message]");
    }

    static int botMessageCount() {
        return botTexts().size();
    }

    static List<String> userTexts() {
        return texts("[data-testid=user-message]");
    }

    static List<String> inlineLabels() {
        return texts("[data-testid=inline-button]").stream().map(String::strip).toList();
    }

    static List<String> replyLabels() {
        return texts("[data-testid=reply-button]").stream().map(String::strip).toList();
    }

    /**
     * The font families Chromium actually drew the text I sent with, from the DevTools protocol's platform fonts:
     * unlike computed style, this names the fallback (or nothing usable) when a font lacks the glyphs.
     */
    @SuppressWarnings("unchecked")
    static List<String> renderedFontsOfMy(String text) {
        await("the page's web fonts loaded", d -> "loaded".equals(js("return document.fonts.status;")));
        Object marked = js("document.querySelectorAll('[data-font-probe]').forEach(e => e.removeAttribute('data-font-probe'));"
                + "const t = [...document.querySelectorAll('[data-testid=user-message] .text')]"
                + "  .find(e => e.textContent === arguments[0]);"
                + "if (t) t.setAttribute('data-font-probe', ''); return Boolean(t);", text);
        assertThat(marked).as("my message «%s» on the page", text).isEqualTo(true);
        Map<String, Object> doc = browser.executeCdpCommand("DOM.getDocument", Map.of());
        Object rootId = ((Map<String, Object>) doc.get("root")).get("nodeId");
        Map<String, Object> probe = browser.executeCdpCommand("DOM.querySelector",
                Map.of("nodeId", rootId, "selector", "[data-font-probe]"));
        browser.executeCdpCommand("CSS.enable", Map.of());
        Map<String, Object> fonts = browser.executeCdpCommand("CSS.getPlatformFontsForNode",
                Map.of("nodeId", probe.get("nodeId")));
        return ((List<Map<String, Object>>) fonts.get("fonts")).stream()
                .map(f -> String.valueOf(f.get("familyName"))).toList();
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, STEP_TIMEOUT)
                .withMessage(() -> "waited " + STEP_TIMEOUT.toSeconds() + " s for " + what + "; the bot said: " + botTexts())
                .until(d -> {
                    T value = condition.apply(d);
                    return Boolean.FALSE.equals(value) ? null : value;
                });
    }

    static Path screenshot(String name) throws IOException {
        Files.createDirectories(ARTIFACTS);
        Path file = ARTIFACTS.resolve(name);
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    static void requireExecutable(Path path, String debianPackage) {
        if (!Files.isExecutable(path)) {
            fail(path + " is missing: the browser test drives a real headless Chromium. Install Debian's "
                    + debianPackage + " (apt-get install -y chromium chromium-driver; .ci/run does it), or point "
                    + "-Dhamyar.chromium / -Dwebdriver.chrome.driver at another build.");
        }
    }
}

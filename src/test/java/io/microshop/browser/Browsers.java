package io.microshop.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.Assumptions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Headless Chromium for the browser tests: the machine's own Chromium (no download), a
 * phone-sized window, screenshots under {@code target/screenshots}, and sign-in by the code
 * the dev SMS inbox shows.
 */
final class Browsers {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Browsers() {
	}

	/** Skips the test, saying why, when there is no Chromium to drive. */
	static void assumeChromium() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"Chromium not installed at /usr/bin/chromium (apt-get install -y chromium); browser tests skipped");
	}

	static Playwright playwright() {
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	/** A phone: 360 x 740, touch, its own cookies. */
	static BrowserContext phone(Browser browser) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
			.setHasTouch(true)
			.setLocale("en-US"));
		context.setDefaultTimeout(15_000);
		return context;
	}

	/** A phone (360 x 740, touch) whose browser asks for the given language, e.g. {@code zh-CN} or {@code en-US}. */
	static BrowserContext phone(Browser browser, String locale) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
			.setHasTouch(true)
			.setLocale(locale));
		context.setDefaultTimeout(15_000);
		return context;
	}

	/** A desktop (1280 x 900) whose browser asks for the given language. */
	static BrowserContext desktop(Browser browser, String locale) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
			.setLocale(locale));
		context.setDefaultTimeout(15_000);
		return context;
	}

	static void screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
		// every state worth a screenshot is also checked for accessibility (axe-core)
		Accessibility.check(page);
	}

	/**
	 * The newest code texted to a phone, read from the dev inbox in a second tab as a person
	 * would, polling until the text is there.
	 */
	static String codeFromInbox(BrowserContext context, String baseUrl, String phone, String screenshotName) {
		Page inbox = context.newPage();
		try {
			long deadline = System.currentTimeMillis() + 10_000;
			while (true) {
				inbox.navigate(baseUrl + "/dev/inbox");
				Locator code = inbox.locator("li.message[data-phone='" + phone + "'] .code").first();
				if (code.count() > 0) {
					String digits = code.textContent().strip();
					if (screenshotName != null) {
						screenshot(inbox, screenshotName);
					}
					return digits;
				}
				if (System.currentTimeMillis() > deadline) {
					throw new AssertionError("no code for " + phone + " in the dev inbox");
				}
				inbox.waitForTimeout(200);
			}
		}
		finally {
			inbox.close();
		}
	}

	/**
	 * Signs a phone in on the sign-in page and lands on {@code next}. Finds the form's parts by
	 * their ids, so it works whatever language the page speaks.
	 */
	static void signIn(Page page, String baseUrl, String phone, String next, String screenshotPrefix) {
		page.navigate(baseUrl + "/sign-in?next=" + next);
		page.locator("#phone").fill(phone);
		page.locator("#send-code").click();
		assertThat(page.locator("#code-sent")).isVisible();
		String code = codeFromInbox(page.context(), baseUrl, phone, null);
		page.locator("#code").fill(code);
		screenshot(page, screenshotPrefix + "-sign-in");
		page.locator("#sign-in").click();
		page.waitForURL(baseUrl + next + "**");
	}

}

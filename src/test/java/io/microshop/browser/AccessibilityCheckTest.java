package io.microshop.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The accessibility check can fail: a page with an unlabeled field and an image without text fails it. */
class AccessibilityCheckTest {

	@Test
	void aPageWithCriticalViolationsFailsTheCheck() {
		Browsers.assumeChromium();
		Assumptions.assumeTrue(Files.isReadable(Accessibility.AXE), "axe-core not installed (npm ci --prefix tools/web-audit)");
		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			Page page = browser.newPage();
			page.setContent("<!DOCTYPE html><html lang='en'><head><title>t</title></head><body><main>"
					+ "<h1>Form</h1><input type='text'><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
					+ "</main></body></html>");
			assertThatThrownBy(() -> Accessibility.check(page)).isInstanceOf(AssertionError.class)
				.hasMessageContaining("image-alt")
				.hasMessageContaining("label");

			page.setContent("<!DOCTYPE html><html lang='en'><head><title>t</title></head><body><main>"
					+ "<h1>Form</h1><label for='n'>Name</label><input id='n' type='text'></main></body></html>");
			assertThatCode(() -> Accessibility.check(page)).doesNotThrowAnyException();
		}
	}

}

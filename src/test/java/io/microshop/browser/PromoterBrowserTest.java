package io.microshop.browser;

import java.time.Duration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.microshop.platform.web.Yuan;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A promoter's commission in a browser: a fan opens the promoter's share link on a phone and
 * buys; the promoter signs in and sees the commission pending on {@code /my/earnings}, to the
 * fen; once the order settles it shows as available.
 */
class PromoterBrowserTest extends AppTest {

	private static final long SUPPLY = 1000;

	private static final long PRICE = 2500;

	private static final int RATE_BPS = 1234;

	private static final int QUANTITY = 2;

	@Test
	void aFanBuysThroughAPromotersLinkAndThePromoterSeesTheCommissionPendingThenAvailable() {
		Browsers.assumeChromium();
		Scenario.Market market = scenario.market(SUPPLY, 2000, PRICE, 10, 500);
		var rates = api.patch("/api/v1/shops/" + market.shop().id(), market.seller().token(),
				Api.map("level1CommissionBps", RATE_BPS));
		assertThat(rates.status()).as(rates.toString()).isEqualTo(200);
		Scenario.User promoter = scenario.user();
		var joined = api.post("/api/v1/shops/" + market.shop().id() + "/promoters", promoter.token(), Api.map());
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		String promoterCode = joined.text("code");
		var share = api.post("/api/v1/shares", promoter.token(), Api.map("listingId", market.listingId()));
		assertThat(share.status()).as(share.toString()).isEqualTo(201);
		String shareCode = share.text("code");
		// the fan has an account already (so the test can confirm receipt by the API), and signs in by code
		Scenario.User fan = scenario.user();
		// floor(1234 x (25.00 - 10.00) / 10000) = 185 fen per unit, x 2 = ¥3.70
		long commission = RATE_BPS * (PRICE - SUPPLY) / 10_000 * QUANTITY;
		String amount = Yuan.format(commission);
		assertThat(amount).isEqualTo("¥3.70");

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			BrowserContext fanPhone = Browsers.phone(browser);
			Page page = fanPhone.newPage();
			page.navigate(baseUrl() + "/r/" + shareCode);
			page.waitForURL("**/l/" + market.listingId());
			assertThat(page.locator("h1")).hasText("Oolong tea");
			Browsers.screenshot(page, "promoter-01-fan-opens-link");
			page.getByLabel("Quantity").fill(String.valueOf(QUANTITY));
			page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Han Meimei");
			page.getByLabel("Mobile number").fill(fan.phone());
			page.getByLabel("Address").fill("8 West Lake Road, Hangzhou");
			page.locator("#get-code").click();
			assertThat(page.locator("form#checkout")).containsText("We texted a code to");
			String code = Browsers.codeFromInbox(fanPhone, baseUrl(), fan.phone(), null);
			page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
			assertThat(page.locator("#pay-total")).hasText("¥55.00");
			Browsers.screenshot(page, "promoter-02-fan-ready-to-pay");
			page.locator("#pay").click();
			page.waitForURL("**/o/*");
			assertThat(page.locator("#order-status")).hasText("Paid",
					new LocatorAssertions.HasTextOptions().setTimeout(15_000));
			String orderId = page.url().substring(page.url().lastIndexOf('/') + 1);
			Browsers.screenshot(page, "promoter-03-fan-paid");

			Page earnings = Browsers.phone(browser).newPage();
			Browsers.signIn(earnings, baseUrl(), promoter.phone(), "/my/earnings", "promoter-04");
			assertThat(earnings.locator("header")).containsText("My earnings");
			assertThat(earnings.locator("#earnings-shops tr[data-code='" + promoterCode + "']"))
				.containsText("Shop " + market.shop().slug());
			Locator item = earnings.locator("#earnings-items tr[data-order-id='" + orderId + "']");
			assertThat(item.locator(".amount")).hasText(amount);
			assertThat(item.locator(".status")).hasText("Pending");
			assertThat(earnings.locator("#earnings-pending")).hasText(amount);
			assertThat(earnings.locator("#earnings-available")).hasText("¥0.00");
			Browsers.screenshot(earnings, "promoter-05-commission-pending");

			scenario.ship(market, orderId, "SF3001");
			scenario.awaitStatus(fan, orderId, "SHIPPED");
			scenario.receive(fan, orderId);
			clock.advance(Duration.ofDays(8));
			scenario.awaitStatus(fan, orderId, "SETTLED");

			long deadline = System.currentTimeMillis() + 15_000;
			while (true) {
				earnings.reload();
				String status = earnings.locator("#earnings-items tr[data-order-id='" + orderId + "'] .status")
					.textContent()
					.strip();
				if ("Available".equals(status) || System.currentTimeMillis() > deadline) {
					break;
				}
				earnings.waitForTimeout(300);
			}
			assertThat(item.locator(".status")).hasText("Available");
			assertThat(item.locator(".amount")).hasText(amount);
			assertThat(earnings.locator("#earnings-available")).hasText(amount);
			assertThat(earnings.locator("#earnings-pending")).hasText("¥0.00");
			Browsers.screenshot(earnings, "promoter-06-commission-available");
		}
	}

}

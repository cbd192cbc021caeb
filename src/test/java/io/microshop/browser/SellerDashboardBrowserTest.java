package io.microshop.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The seller's dashboard and orders in a browser, in Chinese and English, on a phone (360 px)
 * and a desktop: a shop with orders paid over eleven days (one settled, so money is
 * available), share-link visits and a promoter. Each period shows its sales, one chart bar per
 * day, the top listing, the funnel and the balance; the orders list filters by status and by
 * day, and an order's timeline opens. axe-core checks every page; each is screenshotted, and
 * the Chinese desktop dashboard is kept as {@code docs/screenshots/seller-dashboard.png}.
 */
class SellerDashboardBrowserTest extends AppTest {

	static final Path README_SCREENSHOT = Path.of("docs", "screenshots", "seller-dashboard.png");

	@Test
	void theSellerWalksTheDashboardAndOrdersInBothLanguagesOnPhoneAndDesktop() throws Exception {
		Browsers.assumeChromium();
		// supply ¥10, floor ¥20, price ¥25, shipping ¥5: one unit ¥30.00, two ¥55.00, three ¥80.00
		Scenario.Market market = scenario.market(1000, 2000, 2500, 100, 500);
		var rates = api.patch("/api/v1/shops/" + market.shop().id(), market.seller().token(),
				Api.map("level1CommissionBps", 1000));
		assertThat(rates.status()).as(rates.toString()).isEqualTo(200);

		// day 0: ¥55.00, shipped, received, settled 8 days later: the seller's ¥29.00 becomes available
		Scenario.User first = scenario.user();
		var settled = scenario.paidOrder(first, market, 2);
		scenario.ship(market, settled.id(), "SF2001");
		scenario.receive(first, settled.id());
		clock.advance(Duration.ofDays(8));
		scenario.awaitStatus(first, settled.id(), "SETTLED");

		// day 8: ¥30.00 through a promoter's link, opened by two visitors
		Scenario.User promoter = scenario.user();
		assertThat(api.post("/api/v1/shops/" + market.shop().id() + "/promoters", promoter.token(), Api.map()).status())
			.isEqualTo(201);
		var share = api.post("/api/v1/shares", promoter.token(), Api.map("listingId", market.listingId(), "channel", "wechat"));
		assertThat(share.status()).as(share.toString()).isEqualTo(201);
		String code = share.text("code");
		visit(code);
		visit(code);
		Scenario.User second = scenario.user();
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		body.put("shareCode", code);
		var throughLink = api.post("/api/v1/orders", second.token(), body);
		assertThat(throughLink.status()).as(throughLink.toString()).isEqualTo(201);
		scenario.pay(second, throughLink);
		// day 9: ¥30.00; day 10 (today): ¥80.00
		clock.advance(Duration.ofDays(1));
		Scenario.User third = scenario.user();
		scenario.pay(third, scenario.order(third, market, 1));
		clock.advance(Duration.ofDays(1));
		Scenario.User fourth = scenario.user();
		var today = scenario.order(fourth, market, 3);
		scenario.pay(fourth, today);
		String todayDate = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			walk(browser, market, "zh-CN", false, settled.id(), today.id(), todayDate);
			walk(browser, market, "en-US", false, settled.id(), today.id(), todayDate);
			walk(browser, market, "zh-CN", true, settled.id(), today.id(), todayDate);
			walk(browser, market, "en-US", true, settled.id(), today.id(), todayDate);
		}
	}

	private void walk(Browser browser, Scenario.Market market, String locale, boolean desktop, String settledId,
			String todayId, String todayDate) throws IOException {
		boolean zh = locale.startsWith("zh");
		String name = "dashboard-" + (zh ? "zh" : "en") + "-" + (desktop ? "desktop" : "phone");
		BrowserContext context = desktop ? Browsers.desktop(browser, locale) : Browsers.phone(browser, locale);
		try {
			Page page = context.newPage();
			signIn(page, context, market.seller().phone());
			String shop = market.shop().id();

			page.navigate(baseUrl() + "/seller?shop=" + shop + "&period=7d");
			assertThat(page.locator("html")).hasAttribute("lang", zh ? "zh-CN" : "en");
			assertThat(page.locator("#period a[aria-current=page]")).hasText(zh ? "近 7 天" : "7 days");
			assertThat(page.locator("#kpi-sales")).hasText("¥140.00");
			assertThat(page.locator("#kpi-paid")).hasText("3");
			assertThat(page.locator("#kpi-visitors")).hasText("2");
			assertThat(page.locator("#kpi-conversion")).hasText("50.0%");
			assertThat(page.locator("#sales-chart rect.bar")).hasCount(7);
			assertThat(page.locator("#sales-chart rect.bar[data-day='" + todayDate + "']"))
				.hasAttribute("data-sales", "8000");
			assertThat(page.locator("#top-listings tbody tr")).hasCount(1);
			assertThat(page.locator("#top-listings")).containsText("Oolong tea");
			assertThat(page.locator("#dash-funnel .visits")).hasText("2");
			assertThat(page.locator("#dash-funnel .paid")).hasText("1");
			assertThat(page.locator("#top-promoters tbody tr")).hasCount(1);
			assertThat(page.locator("#balance-available")).hasText("¥29.00");
			assertThat(page.locator("#balance-pending")).not().hasText("¥0.00");
			assertThat(page.locator("#update-quota")).containsText("3");
			assertThat(page.locator("h1")).containsText(zh ? "店主后台" : "Seller console");
			Accessibility.check(page);
			Browsers.screenshot(page, name + "-7d");
			if (zh && desktop) {
				Files.createDirectories(README_SCREENSHOT.getParent());
				Files.copy(Browsers.SCREENSHOTS.resolve(name + "-7d.png"), README_SCREENSHOT,
						StandardCopyOption.REPLACE_EXISTING);
			}

			page.locator("#period a[data-period=today]").click();
			page.waitForURL("**period=today**");
			assertThat(page.locator("#kpi-sales")).hasText("¥80.00");
			assertThat(page.locator("#kpi-orders")).hasText("1");
			assertThat(page.locator("#sales-chart rect.bar")).hasCount(1);
			Accessibility.check(page);
			Browsers.screenshot(page, name + "-today");

			page.locator("#period a[data-period='30d']").click();
			page.waitForURL("**period=30d**");
			assertThat(page.locator("#kpi-sales")).hasText("¥195.00");
			assertThat(page.locator("#kpi-paid")).hasText("4");
			assertThat(page.locator("#sales-chart rect.bar")).hasCount(30);
			assertThat(page.locator("#top-listings tbody tr td").nth(2)).hasText("7");
			Accessibility.check(page);
			Browsers.screenshot(page, name + "-30d");

			// orders: by status, then by day, and a timeline
			page.locator("nav.tabs a").nth(2).click();
			page.waitForURL("**/seller/orders**");
			assertThat(page.locator("#seller-orders tr.order")).hasCount(4);
			page.locator("nav.filters a[href*='status=PAID']").click();
			page.waitForURL("**status=PAID**");
			assertThat(page.locator("#seller-orders tr.order")).hasCount(3);
			page.locator("#from").fill(todayDate);
			page.locator("#to").fill(todayDate);
			page.locator("#order-dates button[type=submit]").click();
			page.waitForURL("**from=" + todayDate + "**");
			assertThat(page.locator("#seller-orders tr.order")).hasCount(1);
			assertThat(page.locator("#seller-orders tr.order")).hasAttribute("data-order-id", todayId);
			Accessibility.check(page);
			Browsers.screenshot(page, name + "-orders-filtered");

			page.navigate(baseUrl() + "/seller/orders?shop=" + shop + "&status=SETTLED");
			var row = page.locator("#seller-orders tr.order[data-order-id='" + settledId + "']");
			row.locator("details.order-timeline summary").click();
			var steps = row.locator("ol.timeline li");
			assertThat(steps.last()).containsText(zh ? "已结算" : "Settled");
			assertThat(row.locator("ol.timeline")).containsText(zh ? "已发货" : "Shipped");
			assertThat(row.locator("details.order-timeline")).containsText("SF2001");
			Accessibility.check(page);
			Browsers.screenshot(page, name + "-order-timeline");

			page.navigate(baseUrl() + "/seller/fission?shop=" + shop);
			assertThat(page.locator("#fission-funnel polyline")).hasCount(3);
			Accessibility.check(page);
			Browsers.screenshot(page, name + "-fission");

			page.navigate(baseUrl() + "/seller/verification?shop=" + shop);
			assertThat(page.locator("#balance-available")).hasText("¥29.00");
			Accessibility.check(page);
			Browsers.screenshot(page, name + "-verification");
		}
		finally {
			context.close();
		}
	}

	/** Signs in by SMS code without depending on the sign-in page's wording (it is in either language). */
	private void signIn(Page page, BrowserContext context, String phone) {
		page.navigate(baseUrl() + "/sign-in?next=/seller");
		page.locator("#phone").fill(phone);
		page.locator("form[action$='/sign-in/code'] button[type=submit]").first().click();
		page.locator("#code").waitFor();
		page.locator("#code").fill(Browsers.codeFromInbox(context, baseUrl(), phone, null));
		page.locator("form[action$='/sign-in'] button[type=submit]").click();
		page.waitForURL("**/seller**");
	}

	/** Opens a share link as a new browser (no visitor cookie): one more unique visitor. */
	private void visit(String code) {
		try {
			HttpResponse<Void> opened = HttpClient.newBuilder()
				.followRedirects(HttpClient.Redirect.NEVER)
				.build()
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/r/" + code)).GET().build(),
						HttpResponse.BodyHandlers.discarding());
			assertThat(opened.statusCode()).isEqualTo(302);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

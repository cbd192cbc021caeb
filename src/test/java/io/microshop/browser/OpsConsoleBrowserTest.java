package io.microshop.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operator page in both languages, on a desktop and on a 360 px phone: the console, the
 * verification, complaint and fraud-flag queues and the suspended shops, each with something
 * to review, in the page's language and without serious accessibility violations; then one
 * decision in Chinese and one in English, with the notice in the page's language.
 */
class OpsConsoleBrowserTest extends AppTest {

	/** An operator page: its address, and a text it shows in Chinese and in English. */
	record OpsPage(String path, String name, String chinese, String english) {
	}

	static final List<OpsPage> PAGES = List.of(new OpsPage("/ops", "console", "试算平衡", "Trial balance"),
			new OpsPage("/ops/verifications", "verifications", "待审核的认证", "Verifications to review"),
			new OpsPage("/ops/complaints", "complaints", "卖家应在", "seller answer due"),
			new OpsPage("/ops/fraud-flags", "fraud-flags", "同一买家短时间内多次下单", "one buyer, many orders in a short time"),
			new OpsPage("/ops/shops", "suspended-shops", "恢复接单的理由", "Reason for reinstating"));

	@Test
	void everyOperatorPageInBothLanguagesOnDesktopAndPhone() {
		Browsers.assumeChromium();
		Scenario.Market market = scenario.market(1000, 2000, 2500, 50, 500);
		String verification = submitVerification(market);
		String complaint = openComplaint(market);
		burstOfOrders(market);
		Scenario.Market suspended = scenario.market(1000, 2000, 2500, 10, 0);
		var suspension = api.post("/api/v1/ops/shops/" + suspended.shop().id() + "/suspension", scenario.operatorToken(),
				Api.map("reason", "Reported counterfeit goods."));
		assertThat(suspension.status()).as(suspension.toString()).isEqualTo(200);

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			for (String locale : List.of("zh-CN", "en-US")) {
				for (boolean phone : List.of(false, true)) {
					BrowserContext context = phone ? Browsers.phone(browser, locale) : Browsers.desktop(browser, locale);
					String shot = "ops-" + locale + "-" + (phone ? "phone" : "desktop");
					Page operator = signedInOperator(context, locale, shot);
					for (OpsPage page : PAGES) {
						operator.navigate(baseUrl() + page.path());
						boolean chinese = locale.startsWith("zh");
						assertThat(operator.locator("html")).hasAttribute("lang", chinese ? "zh-CN" : "en");
						assertThat(operator.locator("main")).containsText(chinese ? page.chinese() : page.english());
						assertThat(operator.locator("main")).not()
							.containsText(chinese ? page.english() : page.chinese());
						if (page.name().equals("complaints")) {
							assertThat(operator.locator("#complaint-" + complaint)).isVisible();
						}
						Browsers.screenshot(operator, shot + "-" + page.name());
						Accessibility.check(operator);
					}
					context.close();
				}
			}

			Page chinese = signedInOperator(Browsers.phone(browser, "zh-CN"), "zh-CN", "ops-zh-CN-decision");
			chinese.navigate(baseUrl() + "/ops");
			chinese.locator("#ops-queues").getByText("认证审核").click();
			Locator card = chinese.locator("#verification-" + verification);
			card.getByLabel("理由（驳回时必填）").fill("证件与姓名一致");
			card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("通过")).click();
			assertThat(chinese.locator("p.notice")).hasText("Han Meimei：已通过。");
			assertThat(chinese.locator("#queue-empty")).hasText("没有等待审核的认证。");
			Accessibility.check(chinese);

			Page english = signedInOperator(Browsers.desktop(browser, "en-US"), "en-US", "ops-en-US-decision");
			english.navigate(baseUrl() + "/ops");
			english.locator("#ops-queues").getByText("Suspended shops").click();
			Locator shop = english.locator("li.suspended-shop[data-shop-id='" + suspended.shop().id() + "']");
			shop.getByLabel("Reason for reinstating").fill("Reviewed with the brand.");
			shop.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reinstate")).click();
			assertThat(english.locator("p.notice")).containsText("takes orders again.");
			Accessibility.check(english);
		}
	}

	/**
	 * Signs the operator in. The sign-in page is read in English ({@code /lang/en}), then the
	 * language switch in the header turns the console to the browser's own language.
	 */
	private Page signedInOperator(BrowserContext context, String locale, String screenshotPrefix) {
		Page page = context.newPage();
		page.navigate(baseUrl() + "/lang/en?next=/");
		Browsers.signIn(page, baseUrl(), OPERATOR_PHONE, "/ops", screenshotPrefix);
		if (locale.startsWith("zh")) {
			page.locator("nav.lang a[hreflang='zh-CN']").click();
			assertThat(page.locator("h1")).hasText("运营后台");
		}
		else {
			assertThat(page.locator("h1")).hasText("Operator console");
		}
		return page;
	}

	private String submitVerification(Scenario.Market market) {
		var created = api.post("/api/v1/verifications", market.seller().token(), Api.map("subject", "shop", "subjectId",
				market.shop().id(), "legalName", "Han Meimei", "idNumber", "11010119900307123X"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private String openComplaint(Scenario.Market market) {
		Scenario.User buyer = scenario.user();
		var order = scenario.paidOrder(buyer, market, 1);
		scenario.ship(market, order.id(), "SF4001");
		var complaint = api.post("/api/v1/orders/" + order.id() + "/complaints", buyer.token(),
				Api.map("reason", "DAMAGED", "text", "The tin arrived crushed."));
		assertThat(complaint.status()).as(complaint.toString()).isEqualTo(201);
		return complaint.id();
	}

	/** Three orders of one buyer at one shop within minutes: the fraud rules flag a burst. */
	private void burstOfOrders(Scenario.Market market) {
		Scenario.User buyer = scenario.user();
		for (int i = 0; i < 3; i++) {
			var order = scenario.order(buyer, market, 1);
			assertThat(order.status()).as(order.toString()).isEqualTo(201);
		}
		long deadline = System.currentTimeMillis() + 10_000;
		while (jdbc.sql("SELECT count(*) FROM fraud_flags WHERE kind = 'BURST' AND status = 'OPEN' AND shop_id = ?::uuid")
			.param(market.shop().id())
			.query(Long.class)
			.single() == 0) {
			assertThat(System.currentTimeMillis()).as("a BURST flag in time").isLessThan(deadline);
			Scenario.sleep(100);
		}
	}

}

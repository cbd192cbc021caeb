package io.microshop.browser;

import java.time.Duration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business side in a browser: the supplier ships a paid order from the supplier console,
 * the buyer confirms receipt, the protection window passes, and the seller sees the settled
 * money as available in the seller console (and the supplier sees theirs).
 */
class ConsolesBrowserTest extends AppTest {

	@Test
	void supplierShipsAndSellerSeesTheSettledBalance() {
		Browsers.assumeChromium();
		// supply ¥10, floor ¥20, price ¥25, stock 10, shipping ¥5; two units: total ¥55.00
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 500);
		Scenario.User buyer = scenario.user();
		var order = scenario.order(buyer, market, 2);
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		scenario.pay(buyer, order);
		String orderId = order.id();

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			BrowserContext supplierPhone = Browsers.phone(browser);
			Page supplier = supplierPhone.newPage();
			Browsers.signIn(supplier, baseUrl(), market.supplier().phone(), "/supplier/orders", "console-01-supplier");

			Locator card = supplier.locator("li.order[data-order-id='" + orderId + "']");
			assertThat(card).containsText("Paid");
			assertThat(card).containsText("Li Lei");
			assertThat(card).containsText("2 × Oolong tea");
			Browsers.screenshot(supplier, "console-02-supplier-orders-to-ship");
			card.getByLabel("Tracking number").fill("SF1234567890");
			card.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Locator.GetByRoleOptions().setName("Mark shipped"))
				.click();
			assertThat(supplier.locator("p.notice")).containsText("shipped with SF Express, tracking SF1234567890");
			assertThat(supplier.locator("li.order[data-order-id='" + orderId + "']")).hasCount(0);
			Browsers.screenshot(supplier, "console-03-supplier-shipped");

			supplier.getByText("Shipped", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(supplier.locator("li.order[data-order-id='" + orderId + "']")).containsText("SF1234567890");
			scenario.awaitStatus(buyer, orderId, "SHIPPED");

			scenario.receive(buyer, orderId);
			clock.advance(Duration.ofDays(8));
			scenario.awaitStatus(buyer, orderId, "SETTLED");

			BrowserContext sellerPhone = Browsers.phone(browser);
			Page seller = sellerPhone.newPage();
			Browsers.signIn(seller, baseUrl(), market.seller().phone(), "/seller", "console-04-seller");
			// ¥55.00 paid: supplier ¥25.00 (2 x ¥10 + ¥5 shipping), platform 2% of ¥50 = ¥1.00, seller ¥29.00
			assertThat(seller.locator("#balance-available")).hasText("¥29.00");
			assertThat(seller.locator("#balance-pending")).hasText("¥0.00");
			assertThat(seller.locator("main")).containsText("Oolong tea");
			Browsers.screenshot(seller, "console-05-seller-balance");

			seller.locator("nav.tabs").getByText("Orders").click();
			assertThat(seller.locator("main table")).containsText("Settled");
			assertThat(seller.locator("main table")).containsText("¥55.00");
			Browsers.screenshot(seller, "console-06-seller-orders");

			supplier.navigate(baseUrl() + "/supplier");
			assertThat(supplier.locator("#balance-available")).hasText("¥25.00");
			Browsers.screenshot(supplier, "console-07-supplier-balance");
		}
	}

}

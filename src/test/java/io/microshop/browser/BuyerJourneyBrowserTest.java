package io.microshop.browser;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fan on a phone opens a shared listing, picks an option and pays in the same page: no
 * sign-up wall (the phone number is the account, confirmed by a texted code), at most three
 * taps from the chosen option to a paid order.
 */
class BuyerJourneyBrowserTest extends AppTest {

	@Test
	void fromAChosenSkuToAPaidOrderInAtMostThreeTaps() {
		Browsers.assumeChromium();
		Listing listing = twoSkuListing();
		String buyerPhone = Scenario.newPhone();

		try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
			BrowserContext phone = Browsers.phone(browser);
			Page page = phone.newPage();
			page.navigate(baseUrl() + "/");
			assertThat(page.locator("h1")).hasText("Buy from friends, safely");
			Browsers.screenshot(page, "buyer-00-home");

			// The shared link could be the shop or the listing: start at the shop.
			page.navigate(baseUrl() + "/s/" + listing.shopSlug());
			assertThat(page.locator("main")).containsText("This shop is not verified yet");
			assertThat(page.locator("a.listing")).containsText("from ¥25.00");
			Browsers.screenshot(page, "buyer-01-shop");
			page.locator("a.listing").click();
			page.waitForURL("**/l/" + listing.id());
			assertThat(page.locator("h1")).hasText("Oolong tea");
			assertThat(page.locator("p.shopline")).containsText("Seller not verified yet");
			Browsers.screenshot(page, "buyer-02-listing");

			// Choose the SKU; from here on, taps are counted (typing is not).
			page.locator("input[name=sku][value='" + listing.bigSku() + "']").check();
			assertThat(page.locator("#pay-total")).hasText("¥50.00");
			int taps = 0;

			page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Han Meimei");
			page.getByLabel("Mobile number").fill(buyerPhone);
			page.getByLabel("Address").fill("8 West Lake Road, Hangzhou");

			page.locator("#get-code").click();
			taps++;
			assertThat(page.locator("form#checkout")).containsText("We texted a code to");
			assertThat(page.locator("input[name=sku][value='" + listing.bigSku() + "']")).isChecked();
			assertThat(page.getByLabel("Address")).hasValue("8 West Lake Road, Hangzhou");
			assertThat(page.locator("#pay-total")).hasText("¥50.00");
			Browsers.screenshot(page, "buyer-03-code-sent");

			String code = Browsers.codeFromInbox(phone, baseUrl(), buyerPhone, "buyer-04-dev-inbox");
			assertThat(code).matches("\\d{6}");
			page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(code);
			Browsers.screenshot(page, "buyer-05-ready-to-pay");

			page.locator("#pay").click();
			taps++;
			page.waitForURL("**/o/*");
			Browsers.screenshot(page, "buyer-06-order-placed");
			assertThat(page.locator("#order-status")).hasText("Paid",
					new LocatorAssertions.HasTextOptions().setTimeout(15_000));
			assertThat(page.locator("#order-total")).hasText("¥50.00");
			assertThat(page.locator("main")).containsText("250 g");
			assertThat(page.locator("main")).containsText("Han Meimei");
			assertThat(page.locator("header")).containsText("My orders");
			Browsers.screenshot(page, "buyer-07-order-paid");

			assertThat(taps).as("taps from the chosen SKU to a paid order").isLessThanOrEqualTo(3);
			String orderId = page.url().substring(page.url().lastIndexOf('/') + 1);
			assertThat(jdbc.sql("SELECT status FROM orders WHERE id = ?::uuid").param(orderId).query(String.class).single())
				.isEqualTo("PAID");

			page.navigate(baseUrl() + "/my/orders");
			assertThat(page.locator("main")).containsText("Oolong tea");
			assertThat(page.locator("main")).containsText("¥50.00");
			Browsers.screenshot(page, "buyer-08-my-orders");
		}
	}

	/** A supplier product with two SKUs, listed by a fresh shop at ¥25 and ¥45, shipping ¥5. */
	private Listing twoSkuListing() {
		Scenario.User supplier = scenario.user();
		var registered = api.post("/api/v1/suppliers", supplier.token(), Api.map("name", "West Lake Tea Co."));
		var product = api.post("/api/v1/suppliers/" + registered.id() + "/products", supplier.token(),
				Api.map("title", "Oolong tea", "description", "Spring harvest, hand rolled.", "imageUrls", List.of(),
						"shippingFee", 500, "skus",
						List.of(Api.map("code", "T-100", "name", "100 g", "supplyPrice", 1000, "minRetailPrice", 2000,
								"stock", 20),
								Api.map("code", "T-250", "name", "250 g", "supplyPrice", 2000, "minRetailPrice", 4000,
										"stock", 5))));
		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		String small = product.json().get("skus").get(0).get("id").asString();
		String big = product.json().get("skus").get(1).get("id").asString();
		Scenario.Shop shop = scenario.shop(scenario.user());
		var listing = api.post("/api/v1/shops/" + shop.id() + "/listings", shop.owner().token(),
				Api.map("productId", product.id(), "prices",
						List.of(Api.map("skuId", small, "price", 2500), Api.map("skuId", big, "price", 4500))));
		assertThat(listing.status()).as(listing.toString()).isEqualTo(201);
		return new Listing(listing.id(), shop.slug(), small, big);
	}

	record Listing(String id, String shopSlug, String smallSku, String bigSku) {
	}

}

package io.microshop.pages;

import java.util.Map;
import java.util.UUID;

import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages answer bad input with a page a person can read: unknown or malformed ids are
 * the 404 page, bad form values come back as a message in the form, never a 500 or a stack
 * trace. Plain HTTP with a cookie jar, as a browser without JavaScript would send it.
 */
class PagesRefuseBadInputTest extends AppTest {

	@Test
	void unknownAndMalformedIdsAreTheNotFoundPage() {
		WebClient visitor = new WebClient(baseUrl());
		for (String path : new String[] { "/l/not-a-uuid", "/l/" + UUID.randomUUID(), "/s/no-such-shop-here",
				"/s/" + "x".repeat(60) }) {
			WebClient.Page page = visitor.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("We could not find that").doesNotContain("Exception");
		}
		assertThat(visitor.get("/o/" + UUID.randomUUID()).location()).startsWith("/sign-in?next=/o/");
		assertThat(visitor.get("/seller").status()).isEqualTo(302);

		WebClient buyer = signedIn(scenario.user().phone());
		assertThat(buyer.get("/o/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(buyer.get("/o/garbage").status()).isEqualTo(404);
		assertThat(buyer.get("/my/orders?status=NOPE&page=-4").status()).isEqualTo(200);
		WebClient.Page ops = buyer.get("/ops");
		assertThat(ops.status()).isEqualTo(403);
		assertThat(ops.body()).contains("Not allowed").doesNotContain("Exception");
	}

	@Test
	void badCheckoutValuesComeBackAsAMessageInTheForm() {
		Scenario.Market market = scenario.market(1000, 2000, 2500, 5, 0);
		WebClient visitor = new WebClient(baseUrl());
		String listing = "/l/" + market.listingId();
		assertThat(visitor.get(listing).status()).isEqualTo(200);

		WebClient.Page bad = visitor.post(listing + "/pay", listing, Map.of("sku", "zzz", "quantity", "abc", "expectedTotal", "-1"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("Choose one of the options.");

		WebClient.Page tooMany = visitor.post(listing + "/pay", listing, Map.of("sku", market.product().skuId(), "quantity",
				"100000", "name", "Li", "phone", "13912345678", "address", "Road 1"));
		assertThat(tooMany.body()).contains("Enter a quantity from 1 to 999.");

		WebClient.Page noCode = visitor.post(listing + "/pay", listing, Map.of("sku", market.product().skuId(), "quantity", "6",
				"name", "Li", "phone", "13912345678", "address", "Road 1"));
		assertThat(noCode.body()).contains("Only 5 of 100 g left.");

		WebClient.Page badPhone = visitor.post(listing + "/code", listing, Map.of("phone", "12"));
		assertThat(badPhone.body()).contains("Enter a valid mobile number to get a code.");

		WebClient.Page wrongCode = visitor.post(listing + "/pay", listing, Map.of("sku", market.product().skuId(), "quantity",
				"1", "name", "Li", "phone", Scenario.newPhone(), "address", "Road 1", "code", "000000"));
		assertThat(wrongCode.status()).isEqualTo(200);
		assertThat(wrongCode.body()).contains("The code is wrong or has expired");
	}

	@Test
	void badConsoleValuesAreRefusedWithAReason() {
		Scenario.Market market = scenario.market(1000, 2000, 2500, 5, 0);
		WebClient supplier = signedIn(market.supplier().phone());
		String supplierId = market.product().supplierId();

		WebClient.Page yuan = supplier.post("/supplier/products", "/supplier", Map.of("supplier", supplierId, "title", "Tea",
				"shippingFee", "0", "skuCode", "A", "skuName", "Small", "skuSupplyPrice", "12.345", "skuMinRetailPrice",
				"20", "skuStock", "3"));
		assertThat(yuan.status()).isEqualTo(200);
		assertThat(yuan.body()).contains("SKU row 1 supply price must be an amount in yuan, like 12.50")
			.contains("value=\"12.345\"");

		WebClient.Page stranger = supplier.post("/supplier/products", "/supplier", Map.of("supplier", "garbage", "title", "Tea"));
		assertThat(stranger.status()).isEqualTo(404);

		WebClient.Page stock = supplier.post("/supplier/skus/" + market.product().skuId(), "/supplier",
				Map.of("supplier", supplierId, "stock", "-5"));
		assertThat(stock.status()).isEqualTo(302);
		assertThat(supplier.get(stock.location()).body()).contains("Stock must be a whole number");

		WebClient.Page shipUnknown = supplier.post("/supplier/orders/" + UUID.randomUUID() + "/ship", "/supplier/orders",
				Map.of("supplier", supplierId, "carrier", "SF", "trackingNumber", "1"));
		assertThat(supplier.get(shipUnknown.location()).body()).contains("does not exist");

		WebClient seller = signedIn(market.seller().phone());
		WebClient.Page belowFloor = seller.post("/seller/listings", "/seller/catalog", Map.of("shop", market.shop().id(),
				"product", market.product().productId(), "price-" + market.product().skuId(), "19.99"));
		assertThat(belowFloor.status()).isEqualTo(302);
		assertThat(seller.get(belowFloor.location()).body()).contains("must be at least ¥20.00");
		assertThat(seller.get("/seller/orders?page=abc&status=x").status()).isEqualTo(200);
		assertThat(seller.get("/seller/catalog?q=" + "t".repeat(300)).status()).isEqualTo(200);
	}

	private WebClient signedIn(String phone) {
		return WebClient.signedIn(baseUrl(), jdbc, phone);
	}

}

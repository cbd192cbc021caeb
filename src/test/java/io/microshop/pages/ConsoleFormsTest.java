package io.microshop.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console forms do what they say, without JavaScript: a new supplier registers and
 * publishes a product with prices typed in yuan (kept exactly, in fen), a new seller opens a
 * shop and lists it at the pre-filled floor prices, and the shop page shows it.
 */
class ConsoleFormsTest extends AppTest {

	@Test
	void aSupplierPublishesAndASellerListsThroughThePages() {
		Scenario.User supplierUser = scenario.user();
		WebClient supplier = WebClient.signedIn(baseUrl(), jdbc, supplierUser.phone());
		assertThat(supplier.get("/supplier").body()).contains("Become a supplier");
		WebClient.Page registered = supplier.post("/supplier/register", "/supplier", Map.of("name", "Yunnan Tea Garden"));
		assertThat(registered.location()).startsWith("/supplier?supplier=");

		String title = "Pu'er cake " + Long.toString(System.nanoTime(), 36);
		List<List<String>> fields = new ArrayList<>();
		fields.add(List.of("supplier", registered.location().substring("/supplier?supplier=".length())));
		fields.add(List.of("title", title));
		fields.add(List.of("description", "Aged five years."));
		fields.add(List.of("imageUrl", ""));
		fields.add(List.of("shippingFee", "8"));
		fields.addAll(row("PU-357", "357 g cake", "60.5", "99.99", "12"));
		fields.addAll(row("PU-100", "100 g sample", "0.1", "¥25", "3"));
		fields.addAll(row("", "", "", "", ""));
		WebClient.Page published = supplier.postAll("/supplier/products", registered.location(), fields);
		assertThat(published.status()).as(published.body()).isEqualTo(302);
		String console = supplier.get(published.location()).body();
		assertThat(console).contains("Published " + title.replace("'", "&#39;") + " with 2 SKUs.").contains("floor <span>¥99.99</span>")
			.contains("supply <span>¥0.10</span>");

		String suffix = title.substring(title.lastIndexOf(' ') + 1);
		JsonNode product = api.get("/api/v1/catalog?q=" + suffix, supplierUser.token()).json().get("items").get(0);
		assertThat(product.get("shippingFee").asLong()).isEqualTo(800);
		assertThat(product.get("skus").get(0).get("supplyPrice").asLong()).isEqualTo(6050);
		assertThat(product.get("skus").get(0).get("minRetailPrice").asLong()).isEqualTo(9999);
		assertThat(product.get("skus").get(1).get("minRetailPrice").asLong()).isEqualTo(2500);
		String bigSku = product.get("skus").get(0).get("id").asString();
		String smallSku = product.get("skus").get(1).get("id").asString();

		WebClient seller = WebClient.signedIn(baseUrl(), jdbc, scenario.user().phone());
		assertThat(seller.get("/seller").body()).contains("Open your shop");
		String slug = "tea-" + Long.toString(System.nanoTime(), 36);
		WebClient.Page opened = seller.post("/seller/shops", "/seller", Map.of("name", "Mei's Tea", "slug", slug));
		assertThat(opened.location()).startsWith("/seller/catalog?shop=");
		String catalog = seller.get(opened.location() + "&q=" + suffix).body();
		assertThat(catalog).contains("value=\"99.99\"").contains("value=\"25.00\"");

		String shopId = opened.location().substring("/seller/catalog?shop=".length());
		WebClient.Page listed = seller.post("/seller/listings", "/seller", Map.of("shop", shopId, "product",
				product.get("id").asString(), "price-" + bigSku, "99.99", "price-" + smallSku, "28"));
		assertThat(listed.location()).startsWith("/seller?shop=");
		assertThat(seller.get(listed.location()).body()).contains("Listed Pu&#39;er cake").contains("¥28.00");

		String shopPage = new WebClient(baseUrl()).get("/s/" + slug).body();
		assertThat(shopPage).contains("Mei&#39;s Tea").contains("This shop is not verified yet").contains("Pu&#39;er cake")
			.contains("from ¥28.00");
	}

	private static List<List<String>> row(String code, String name, String supply, String floor, String stock) {
		return List.of(List.of("skuCode", code), List.of("skuName", name), List.of("skuSupplyPrice", supply),
				List.of("skuMinRetailPrice", floor), List.of("skuStock", stock));
	}

}

package io.microshop.api;

import static io.microshop.api.ApiAssertions.assertBadInput;
import static io.microshop.api.ApiAssertions.assertInvalidField;
import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.count;
import static io.microshop.api.ApiAssertions.stock;
import static io.microshop.api.ApiAssertions.unknownId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.Product;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/** Suppliers, their products and SKUs, the orders they fulfil and the catalog sellers search. */
class SuppliersApiTest extends AppTest {

	@Test
	void anyAccountRegistersASupplierThatStartsUnverified() {
		User owner = scenario.user();

		var supplier = api.post("/api/v1/suppliers", owner.token(), Api.map("name", "  Hangzhou Tea Co.  "));

		assertThat(supplier.status()).as(supplier.toString()).isEqualTo(201);
		assertThat(supplier.id()).isNotBlank();
		assertThat(supplier.text("name")).isEqualTo("Hangzhou Tea Co.");
		assertThat(supplier.json().get("verified").asBoolean()).isFalse();
		assertThat(supplier.json().get("verified").isBoolean()).isTrue();
	}

	@Test
	void aSupplierNeedsAName() {
		User owner = scenario.user();

		assertInvalidField(api.post("/api/v1/suppliers", owner.token(), Api.map("name", " ")), "name");
		assertInvalidField(api.post("/api/v1/suppliers", owner.token(), "{}"), "name");
		assertInvalidField(api.post("/api/v1/suppliers", owner.token(), Api.map("name", "n".repeat(101))), "name");
		// a NUL character cannot be stored: bad input, not a conflict
		assertProblem(api.post("/api/v1/suppliers", owner.token(), Api.map("name", "Tea\u0000Co")), 400,
				"invalid-request");
		assertThat(count(jdbc, "SELECT count(*) FROM suppliers WHERE owner_account_id = ?", UUID.fromString(owner.id())))
			.isZero();
	}

	@Test
	void aProductIsPublishedWithItsSkus() {
		User owner = scenario.user();
		String supplierId = supplier(owner);

		var product = api.post("/api/v1/suppliers/" + supplierId + "/products", owner.token(),
				productBody(List.of(sku("G-100", "100 g", 2_000, 3_000, 10), sku("G-250", "250 g", 4_500, 6_000, 0))));

		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		assertThat(product.id()).isNotBlank();
		assertThat(product.text("title")).isEqualTo("Longjing green tea");
		JsonNode skus = product.json().get("skus");
		assertThat(skus).hasSize(2);
		JsonNode first = skus.get(0);
		assertThat(first.get("id").asString()).isNotBlank();
		assertThat(first.get("code").asString()).isEqualTo("G-100");
		assertThat(first.get("name").asString()).isEqualTo("100 g");
		assertThat(first.get("supplyPrice").asLong()).isEqualTo(2_000);
		assertThat(first.get("minRetailPrice").asLong()).isEqualTo(3_000);
		assertThat(first.get("stock").asInt()).isEqualTo(10);
		assertThat(skus.get(1).get("stock").asInt()).isZero();
		assertThat(stock(jdbc, first.get("id").asString())).isEqualTo(10);
	}

	static Stream<Arguments> badProducts() {
		return Stream.of(
				Arguments.of("no skus", productBody(List.of()), "skus"),
				Arguments.of("skus missing", without(productBody(List.of(sku("A", "a", 1, 2, 1))), "skus"), "skus"),
				Arguments.of("negative supply price", productBody(List.of(sku("A", "a", -1, 2, 1))), "skus"),
				Arguments.of("negative floor", productBody(List.of(sku("A", "a", 1, -2, 1))), "skus"),
				Arguments.of("zero floor", productBody(List.of(sku("A", "a", 0, 0, 1))), "skus"),
				Arguments.of("negative stock", productBody(List.of(sku("A", "a", 1, 2, -1))), "skus"),
				Arguments.of("floor below supply price", productBody(List.of(sku("A", "a", 3_000, 2_999, 1))), "skus"),
				Arguments.of("duplicate codes", productBody(List.of(sku("A", "a", 1, 2, 1), sku("A", "b", 1, 2, 1))), "skus"),
				Arguments.of("negative shipping fee", with(productBody(List.of(sku("A", "a", 1, 2, 1))), "shippingFee", -1), "shippingFee"),
				Arguments.of("missing shipping fee", without(productBody(List.of(sku("A", "a", 1, 2, 1))), "shippingFee"), "shippingFee"),
				Arguments.of("blank title", with(productBody(List.of(sku("A", "a", 1, 2, 1))), "title", " "), "title"),
				Arguments.of("over-long title", with(productBody(List.of(sku("A", "a", 1, 2, 1))), "title", "t".repeat(201)), "title"),
				Arguments.of("javascript image", with(productBody(List.of(sku("A", "a", 1, 2, 1))), "imageUrls", List.of("javascript:alert(1)")), "imageUrls"),
				Arguments.of("sku without code", productBody(List.of(Api.map("name", "a", "supplyPrice", 1, "minRetailPrice", 2, "stock", 1))), "skus"),
				Arguments.of("absurd price", productBody(List.of(sku("A", "a", 1, 10_000_000_000L, 1))), "skus"),
				Arguments.of("fractional price", productBody(List.of(Api.map("code", "A", "name", "a", "supplyPrice", 1.5,
						"minRetailPrice", 2, "stock", 1))), "skus"),
				Arguments.of("fractional stock", productBody(List.of(Api.map("code", "A", "name", "a", "supplyPrice", 1,
						"minRetailPrice", 2, "stock", 0.5))), "skus"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badProducts")
	void badProductsAreRefusedAndNothingIsWritten(String name, Map<String, Object> body, String field) {
		User owner = scenario.user();
		String supplierId = supplier(owner);

		var refused = api.post("/api/v1/suppliers/" + supplierId + "/products", owner.token(), body);

		assertInvalidField(refused, field);
		assertThat(productsOf(supplierId)).isZero();
		assertThat(count(jdbc, "SELECT count(*) FROM skus WHERE supplier_id = ?", UUID.fromString(supplierId))).isZero();
	}

	@Test
	void anotherAccountsSupplierIs403AndAnUnknownOneIs404() {
		User owner = scenario.user();
		User other = scenario.user();
		String supplierId = supplier(owner);
		var body = productBody(List.of(sku("A", "a", 1, 2, 1)));

		assertProblem(api.post("/api/v1/suppliers/" + supplierId + "/products", other.token(), body), 403, "forbidden");
		assertProblem(api.post("/api/v1/suppliers/" + unknownId() + "/products", owner.token(), body), 404, "not-found");
		assertProblem(api.post("/api/v1/suppliers/not-an-id/products", owner.token(), body), 404, "not-found");
		assertThat(productsOf(supplierId)).isZero();
	}

	@Test
	void theSupplierChangesStockAndPricesOfItsSku() {
		User owner = scenario.user();
		Product product = scenario.product(owner, 2_000, 3_000, 10, 0);

		var stockOnly = api.patch(skuPath(product), owner.token(), Api.map("stock", 25));
		assertThat(stockOnly.status()).as(stockOnly.toString()).isEqualTo(200);
		assertThat(stockOnly.id()).isEqualTo(product.skuId());
		assertThat(stockOnly.json().get("stock").asInt()).isEqualTo(25);
		assertThat(stockOnly.json().get("supplyPrice").asLong()).isEqualTo(2_000);
		assertThat(stockOnly.json().get("minRetailPrice").asLong()).isEqualTo(3_000);

		var prices = api.patch(skuPath(product), owner.token(), Api.map("supplyPrice", 2_500, "minRetailPrice", 3_500));
		assertThat(prices.status()).as(prices.toString()).isEqualTo(200);
		assertThat(prices.json().get("stock").asInt()).isEqualTo(25);
		assertThat(prices.json().get("supplyPrice").asLong()).isEqualTo(2_500);
		assertThat(prices.json().get("minRetailPrice").asLong()).isEqualTo(3_500);
		assertThat(stock(jdbc, product.skuId())).isEqualTo(25);
	}

	@Test
	void aSkuEditIsRefusedForOthersUnknownsAndBadValuesAndChangesNothing() {
		User owner = scenario.user();
		User other = scenario.user();
		Product product = scenario.product(owner, 2_000, 3_000, 10, 0);
		Product othersProduct = scenario.product(other, 2_000, 3_000, 10, 0);
		String path = skuPath(product);

		assertProblem(api.patch(path, other.token(), Api.map("stock", 0)), 403, "forbidden");
		assertProblem(api.patch("/api/v1/suppliers/" + unknownId() + "/skus/" + product.skuId(), owner.token(),
				Api.map("stock", 0)), 404, "not-found");
		assertProblem(api.patch("/api/v1/suppliers/" + product.supplierId() + "/skus/" + unknownId(), owner.token(),
				Api.map("stock", 0)), 404, "not-found");
		// a SKU of another supplier is unknown to this one: its existence does not leak
		assertProblem(api.patch("/api/v1/suppliers/" + product.supplierId() + "/skus/" + othersProduct.skuId(),
				owner.token(), Api.map("stock", 0)), 404, "not-found");
		assertProblem(api.patch("/api/v1/suppliers/" + product.supplierId() + "/skus/xyz", owner.token(),
				Api.map("stock", 0)), 404, "not-found");
		assertInvalidField(api.patch(path, owner.token(), Api.map("stock", -1)), "stock");
		assertInvalidField(api.patch(path, owner.token(), Api.map("supplyPrice", -5)), "supplyPrice");
		assertInvalidField(api.patch(path, owner.token(), Api.map("minRetailPrice", 1_999)), "minRetailPrice");
		assertInvalidField(api.patch(path, owner.token(), Api.map("supplyPrice", 3_001)), "minRetailPrice");
		assertBadInput(api.patch(path, owner.token(), "{}"));
		assertBadInput(api.patch(path, owner.token(), Api.map("stock", "lots")));

		assertThat(stock(jdbc, product.skuId())).isEqualTo(10);
		assertThat(stock(jdbc, othersProduct.skuId())).isEqualTo(10);
		var sku = jdbc.sql("SELECT supply_price, min_retail_price FROM skus WHERE id = ?")
			.param(UUID.fromString(product.skuId()))
			.query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
			.single();
		assertThat(sku).containsExactly(2_000L, 3_000L);
	}

	@Test
	void theSupplierSeesItsPaidOrdersToFulfil() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var paid = scenario.order(buyer, market, 1);
		scenario.pay(buyer, paid);
		var pending = scenario.order(buyer, market, 1);
		assertThat(pending.status()).isEqualTo(201);
		String path = "/api/v1/suppliers/" + market.product().supplierId() + "/orders";

		var page = api.get(path, market.supplier().token());

		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		JsonNode json = page.json();
		assertThat(json.get("page").asInt()).isZero();
		assertThat(json.get("size").asInt()).isEqualTo(20);
		assertThat(json.get("total").asLong()).isEqualTo(1);
		assertThat(json.get("items")).hasSize(1);
		assertThat(json.get("items").get(0).get("id").asString()).isEqualTo(paid.id());
		assertThat(json.get("items").get(0).get("status").asString()).isEqualTo("PAID");
		assertThat(json.get("items").get(0).get("shipTo").get("address").asString()).isNotBlank();

		var pendingPage = api.get(path + "?status=PENDING_PAYMENT&page=0&size=5", market.supplier().token()).json();
		assertThat(pendingPage.get("total").asLong()).isEqualTo(1);
		assertThat(pendingPage.get("size").asInt()).isEqualTo(5);
		assertThat(pendingPage.get("items").get(0).get("id").asString()).isEqualTo(pending.id());

		assertProblem(api.get(path, market.seller().token()), 403, "forbidden");
		assertProblem(api.get(path, buyer.token()), 403, "forbidden");
		assertProblem(api.get("/api/v1/suppliers/" + unknownId() + "/orders", buyer.token()), 404, "not-found");
		assertBadInput(api.get(path + "?status=LOST", market.supplier().token()));
	}

	@Test
	void theCatalogIsAPageOfProductsFilteredByQuery() {
		User owner = scenario.user();
		String supplierId = supplier(owner);
		String word = "Kq" + Long.toString(System.nanoTime(), 36);
		for (String title : List.of(word + " oolong", "Pu-erh " + word.toLowerCase(), "Jasmine zz" + word)) {
			var created = api.post("/api/v1/suppliers/" + supplierId + "/products", owner.token(),
					with(productBody(List.of(sku("A", "a", 100, 200, 5))), "title", title));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}

		var all = api.get("/api/v1/catalog?q=" + word, owner.token());

		assertThat(all.status()).as(all.toString()).isEqualTo(200);
		JsonNode page = all.json();
		assertThat(page.propertyNames()).contains("items", "page", "size", "total");
		assertThat(page.get("total").asLong()).isEqualTo(3);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(20);
		assertThat(page.get("items")).hasSize(3);
		JsonNode item = page.get("items").get(0);
		assertThat(item.get("id").asString()).isNotBlank();
		assertThat(item.get("title").asString()).containsIgnoringCase(word);
		assertThat(item.get("skus").get(0).get("minRetailPrice").asLong()).isEqualTo(200);

		var second = api.get("/api/v1/catalog?q=" + word + "&page=1&size=2", owner.token()).json();
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("size").asInt()).isEqualTo(2);
		assertThat(second.get("total").asLong()).isEqualTo(3);
		assertThat(second.get("items")).hasSize(1);

		var exact = api.get("/api/v1/catalog?q=zz" + word, owner.token()).json();
		assertThat(exact.get("total").asLong()).isEqualTo(1);
		// LIKE wildcards in the query are plain characters
		var wildcard = api.get("/api/v1/catalog?q=z%25" + word, owner.token()).json();
		assertThat(wildcard.get("total").asLong()).isZero();
		var underscore = api.get("/api/v1/catalog?q=z_" + word, owner.token()).json();
		assertThat(underscore.get("total").asLong()).isZero();

		var nothing = api.get("/api/v1/catalog?q=" + word + "-none", owner.token()).json();
		assertThat(nothing.get("total").asLong()).isZero();
		assertThat(nothing.get("items")).isEmpty();

		var clamped = api.get("/api/v1/catalog?page=-3&size=100000", owner.token());
		assertThat(clamped.status()).as(clamped.toString()).isEqualTo(200);
		assertThat(clamped.json().get("size").asInt()).isLessThanOrEqualTo(100);
		assertThat(clamped.json().get("page").asInt()).isZero();
		assertBadInput(api.get("/api/v1/catalog?q=" + "q".repeat(101), owner.token()));
		assertBadInput(api.get("/api/v1/catalog?size=ten", owner.token()));
		assertProblem(api.get("/api/v1/catalog?q=%00", owner.token()), 400, "invalid-request");
		assertProblem(api.get("/api/v1/catalog?q=%C3%28", owner.token()), 400, "invalid-request");
	}

	private String supplier(User owner) {
		var supplier = api.post("/api/v1/suppliers", owner.token(), Api.map("name", "Supplier " + owner.phone()));
		assertThat(supplier.status()).as(supplier.toString()).isEqualTo(201);
		return supplier.id();
	}

	private long productsOf(String supplierId) {
		return count(jdbc, "SELECT count(*) FROM products WHERE supplier_id = ?", UUID.fromString(supplierId));
	}

	private static String skuPath(Product product) {
		return "/api/v1/suppliers/" + product.supplierId() + "/skus/" + product.skuId();
	}

	static Map<String, Object> productBody(List<Map<String, Object>> skus) {
		return Api.map("title", "Longjing green tea", "description", "Pre-Qingming harvest", "imageUrls",
				List.of("/img/tea.jpg", "https://cdn.example.com/tea.jpg"), "shippingFee", 800, "skus",
				new ArrayList<>(skus));
	}

	static Map<String, Object> sku(String code, String name, long supplyPrice, long minRetailPrice, int stock) {
		return Api.map("code", code, "name", name, "supplyPrice", supplyPrice, "minRetailPrice", minRetailPrice,
				"stock", stock);
	}

	static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		body.put(key, value);
		return body;
	}

	static Map<String, Object> without(Map<String, Object> body, String key) {
		body.remove(key);
		return body;
	}

}

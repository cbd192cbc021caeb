package io.microshop.api;

import static io.microshop.api.ApiAssertions.assertBadInput;
import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.assertProblemBody;
import static io.microshop.api.ApiAssertions.ordersOf;
import static io.microshop.api.ApiAssertions.paymentsOf;
import static io.microshop.api.ApiAssertions.stock;
import static io.microshop.api.ApiAssertions.unknownId;
import static io.microshop.api.BadInputFixtures.bad;
import static io.microshop.api.BadInputFixtures.line;
import static io.microshop.api.BadInputFixtures.order;
import static io.microshop.api.BadInputFixtures.shipTo;
import static io.microshop.api.BadInputFixtures.withQuantity;
import static io.microshop.api.BadInputFixtures.withShipTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.microshop.api.BadInputFixtures.BadOrder;
import io.microshop.api.BadInputFixtures.Ctx;
import io.microshop.payment.sandbox.SandboxSignature;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.Product;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Value;

/**
 * Bad input is 400 or 422 (415 for a body that is not JSON), never 500, always a problem, and
 * writes nothing.
 */
class BadInputApiTest extends AppTest {

	@Value("${microshop.payments.sandbox.webhook-secret}")
	String secret;

	static Stream<BadOrder> badOrders() {
		return Stream.of(
				bad("quantity 0", c -> withQuantity(c, 0), 400, "items"),
				bad("quantity -1", c -> withQuantity(c, -1), 400, "items"),
				bad("quantity 1000", c -> withQuantity(c, 1000), 400, "items"),
				bad("quantity above int", c -> withQuantity(c, 2_147_483_648L), 400, "items[0].quantity"),
				bad("quantity as words", c -> withQuantity(c, "two"), 400, "items[0].quantity"),
				bad("quantity fractional", c -> withQuantity(c, 1.5), 400, "items[0].quantity"),
				bad("quantity missing", c -> order(c, List.of(Api.map("skuId", c.skuId())), shipTo()), 400, "items"),
				bad("shipTo missing", c -> order(c, List.of(line(c.skuId(), 1)), null), 400, "shipTo"),
				bad("shipTo not an object", c -> order(c, List.of(line(c.skuId(), 1)), "home"), 400, "shipTo"),
				bad("shipTo without name", c -> withShipTo(c, "name", null), 400, "shipTo.name"),
				bad("shipTo without address", c -> withShipTo(c, "address", null), 400, "shipTo.address"),
				bad("shipTo blank address", c -> withShipTo(c, "address", "   "), 400, "shipTo.address"),
				bad("shipTo bad phone", c -> withShipTo(c, "phone", "call me"), 422, "shipTo.phone"),
				bad("over-long name", c -> withShipTo(c, "name", "n".repeat(101)), 400, "shipTo.name"),
				bad("over-long address", c -> withShipTo(c, "address", "a".repeat(501)), 400, "shipTo.address"),
				bad("over-long phone", c -> withShipTo(c, "phone", "1".repeat(33)), 400, "shipTo.phone"),
				bad("over-long share code", c -> {
					var body = withQuantity(c, 1);
					body.put("shareCode", "s".repeat(65));
					return body;
				}, 400, "shareCode"),
				bad("unknown listing", c -> {
					var body = withQuantity(c, 1);
					body.put("listingId", unknownId());
					return body;
				}, 422, "listingId"),
				bad("malformed listing id", c -> {
					var body = withQuantity(c, 1);
					body.put("listingId", "listing-1");
					return body;
				}, 400, "listingId"),
				bad("listing missing", c -> {
					var body = withQuantity(c, 1);
					body.remove("listingId");
					return body;
				}, 400, "listingId"),
				bad("SKU of another product", c -> order(c, List.of(line(c.foreignSkuId(), 1)), shipTo()), 422, "items"),
				bad("unknown SKU", c -> order(c, List.of(line(unknownId(), 1)), shipTo()), 422, "items"),
				bad("SKU twice", c -> order(c, List.of(line(c.skuId(), 1), line(c.skuId(), 1)), shipTo()), 422, "items"),
				bad("no items", c -> order(c, List.of(), shipTo()), 400, "items"),
				bad("items missing", c -> order(c, null, shipTo()), 400, "items"),
				bad("null item", c -> order(c, new ArrayList<>(java.util.Arrays.asList((Object) null)), shipTo()), 400,
						"items"),
				bad("items not a list", c -> order(c, Map.of("skuId", c.skuId()), shipTo()), 400, "items"),
				bad("21 items", c -> order(c, java.util.Collections.nCopies(21, line(c.skuId(), 1)), shipTo()), 400,
						"items"),
				bad("malformed JSON", c -> "{\"listingId\": \"" + c.listingId() + "\", \"items\": [", 400, null),
				bad("empty body", c -> "", 400, null),
				bad("JSON null", c -> "null", 400, null),
				bad("JSON array", c -> "[]", 400, null),
				bad("JSON string", c -> "\"order\"", 400, null),
				new BadOrder("plain text", c -> "listingId=" + c.listingId(), Map.of("Content-Type", "text/plain"), 415,
						null),
				new BadOrder("form encoded", c -> "listingId=" + c.listingId(),
						Map.of("Content-Type", "application/x-www-form-urlencoded"), 415, null),
				new BadOrder("XML", c -> "<order/>", Map.of("Content-Type", "application/xml"), 415, null),
				new BadOrder("JSON as text/plain", c -> withQuantity(c, 1), Map.of("Content-Type", "text/plain"), 415,
						null),
				new BadOrder("over-long Idempotency-Key", c -> withQuantity(c, 1),
						Map.of("Idempotency-Key", "k".repeat(201)), 422, "Idempotency-Key"));
	}

	private static volatile OrderFixture orderFixture;

	/** One market for every bad order: none of them may write anything, so they cannot disturb each other. */
	record OrderFixture(Market market, Product foreign, User buyer) {
	}

	private OrderFixture orderFixture() {
		if (orderFixture == null) {
			orderFixture = new OrderFixture(scenario.market(2_000, 3_000, 3_900, 10, 800),
					scenario.product(scenario.user(), 2_000, 3_000, 10, 0), scenario.user());
		}
		return orderFixture;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badOrders")
	void aBadOrderIsRefusedAndWritesNothing(BadOrder bad) {
		Market market = orderFixture().market();
		Product foreign = orderFixture().foreign();
		User buyer = orderFixture().buyer();
		Ctx ctx = new Ctx(market.listingId(), market.product().skuId(), foreign.skuId());

		var refused = api.send("POST", "/api/v1/orders", buyer.token(), bad.body().apply(ctx), bad.headers());

		assertProblem(refused, bad.status());
		if (bad.field() != null) {
			assertThat(refused.json().get("errors")).as(refused.toString()).isNotNull();
			assertThat(refused.json().get("errors").propertyNames()).as(refused.toString())
				.anySatisfy(name -> assertThat(name).startsWith(bad.field()));
		}
		assertThat(ordersOf(jdbc, buyer)).isZero();
		assertThat(paymentsOf(jdbc, buyer)).isZero();
		assertThat(stock(jdbc, market.product().skuId())).isEqualTo(10);
		assertThat(stock(jdbc, foreign.skuId())).isEqualTo(10);
	}

	@Test
	void theSameBadOrderIsRefusedTheSameWayEveryTime() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var body = scenario.orderBody(market.listingId(), market.product().skuId(), 0);

		var first = api.post("/api/v1/orders", buyer.token(), body, Map.of("Idempotency-Key", "k-1"));
		var second = api.post("/api/v1/orders", buyer.token(), body, Map.of("Idempotency-Key", "k-1"));

		assertBadInput(first);
		assertThat(second.status()).isEqualTo(first.status());
		// the key was not used up by the refused request
		var good = api.post("/api/v1/orders", buyer.token(),
				scenario.orderBody(market.listingId(), market.product().skuId(), 1), Map.of("Idempotency-Key", "k-1"));
		assertThat(good.status()).as(good.toString()).isEqualTo(201);
	}

	// ---------------------------------------------------------------------------------
	// Never a 500: garbage at every endpoint in scope.

	/** One endpoint: placeholders {supplier} {sku} {shop} {listing} {order} {payment} {slug}. */
	record Endpoint(String method, String path, String caller, String goodBody) {

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

	record Garbage(String name, String body, Map<String, String> headers, String id, String query) {

		@Override
		public String toString() {
			return name;
		}

	}

	static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("POST", "/api/v1/accounts", null, "{\"phone\":\"+8613912345678\",\"password\":\"p\",\"name\":\"n\"}"),
			new Endpoint("POST", "/api/v1/tokens", null, "{\"phone\":\"+8613912345678\",\"password\":\"p\"}"),
			new Endpoint("DELETE", "/api/v1/tokens/current", "stranger", null),
			new Endpoint("GET", "/api/v1/me", "owner", null),
			new Endpoint("POST", "/api/v1/suppliers", "owner", "{\"name\":\"S\"}"),
			new Endpoint("POST", "/api/v1/suppliers/{supplier}/products", "owner", "{\"title\":\"t\"}"),
			new Endpoint("PATCH", "/api/v1/suppliers/{supplier}/skus/{sku}", "owner", "{\"stock\":5}"),
			new Endpoint("GET", "/api/v1/suppliers/{supplier}/orders", "owner", null),
			new Endpoint("POST", "/api/v1/suppliers/{supplier}/orders/{order}/shipments", "owner",
					"{\"carrier\":\"SF\",\"trackingNumber\":\"1\"}"),
			new Endpoint("GET", "/api/v1/catalog", "owner", null),
			new Endpoint("POST", "/api/v1/shops", "owner", "{\"name\":\"n\",\"slug\":\"s\"}"),
			new Endpoint("PATCH", "/api/v1/shops/{shop}", "owner", "{\"name\":\"n\"}"),
			new Endpoint("POST", "/api/v1/shops/{shop}/listings", "owner", "{\"productId\":\"x\"}"),
			new Endpoint("GET", "/api/v1/shops/by-slug/{slug}", null, null),
			new Endpoint("GET", "/api/v1/listings/{listing}", null, null),
			new Endpoint("POST", "/api/v1/orders", "buyer", "{\"listingId\":\"x\"}"),
			new Endpoint("GET", "/api/v1/orders/{order}", "buyer", null),
			new Endpoint("POST", "/api/v1/orders/{order}/cancel", "buyer", null),
			new Endpoint("POST", "/api/v1/orders/{order}/confirm-receipt", "buyer", null),
			new Endpoint("POST", "/api/v1/payments/{payment}/sandbox-pay", "buyer", null),
			new Endpoint("POST", "/api/v1/payments/webhooks/sandbox", null, "{\"id\":\"evt\"}"),
			new Endpoint("GET", "/api/v1/shops/{shop}/balance", "owner", null),
			new Endpoint("GET", "/api/v1/suppliers/{supplier}/balance", "owner", null),
			new Endpoint("GET", "/api/v1/ops/ledger/trial-balance", "owner", null));

	private static final String FIELDS = "phone password name title description imageUrls shippingFee skus code "
			+ "supplyPrice minRetailPrice stock carrier trackingNumber slug level1CommissionBps level2CommissionBps "
			+ "productId prices skuId price listingId items quantity shipTo address shareCode groupDealId groupId id "
			+ "type paymentId amount currency";

	private static String everyField(Function<String, String> value) {
		StringBuilder json = new StringBuilder("{");
		for (String field : FIELDS.split(" ")) {
			json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":").append(value.apply(field));
		}
		return json.append('}').toString();
	}

	static final List<Garbage> GARBAGE = List.of(
			new Garbage("truncated JSON", "{\"name\":", Map.of(), null, null),
			new Garbage("empty body", "", Map.of(), null, null),
			new Garbage("JSON null", "null", Map.of(), null, null),
			new Garbage("JSON array", "[1,2,3]", Map.of(), null, null),
			new Garbage("JSON string", "\"hello\"", Map.of(), null, null),
			new Garbage("not JSON", "<html>hi</html>", Map.of(), null, null),
			new Garbage("deep nesting", "[".repeat(5_000) + "]".repeat(5_000), Map.of(), null, null),
			new Garbage("huge number", "{\"stock\":1e999999,\"amount\":99999999999999999999999999}", Map.of(), null,
					null),
			new Garbage("every field NUL", everyField(f -> "\"\\u0000\""), Map.of(), null, null),
			new Garbage("every field a lone surrogate", everyField(f -> "\"\\ud800\""), Map.of(), null, null),
			new Garbage("every field wrong type", everyField(f -> "{\"x\":[true]}"), Map.of(), null, null),
			new Garbage("every field an array", everyField(f -> "[null]"), Map.of(), null, null),
			new Garbage("every field max long", everyField(f -> "9223372036854775807"), Map.of(), null, null),
			new Garbage("every field min long", everyField(f -> "-9223372036854775808"), Map.of(), null, null),
			new Garbage("every field a float", everyField(f -> "0.5"), Map.of(), null, null),
			new Garbage("every field huge", everyField(f -> "\"" + "x".repeat(20_000) + "\""), Map.of(), null, null),
			new Garbage("every field SQL", everyField(f -> "\"' OR 1=1; DROP TABLE orders; --\""), Map.of(), null,
					null),
			new Garbage("text/plain", "{\"name\":\"x\"}", Map.of("Content-Type", "text/plain"), null, null),
			new Garbage("unknown media type", "{}", Map.of("Content-Type", "application/x-garbage"), null, null),
			new Garbage("bogus charset", "{\"name\":\"x\"}", Map.of("Content-Type", "application/json;charset=bogus-99"),
					null, null),
			new Garbage("malformed content type", "{}", Map.of("Content-Type", "json"), null, null),
			new Garbage("accept xml", "{}", Map.of("Accept", "application/xml"), null, null),
			new Garbage("accept html", "{}", Map.of("Accept", "text/html"), null, null),
			new Garbage("accept nonsense", "{}", Map.of("Accept", "nonsense"), null, null),
			new Garbage("garbage bearer", "{}", Map.of("Authorization", "Bearer ' OR 1=1 --"), null, null),
			new Garbage("bearer without token", "{}", Map.of("Authorization", "Bearer"), null, null),
			new Garbage("garbage idempotency key", "{}", Map.of("Idempotency-Key", " "), null, null),
			new Garbage("garbage signature", "{}", Map.of("Sandbox-Signature", "t=,v1=,=,,"), null, null),
			new Garbage("signature with huge t", "{}", Map.of("Sandbox-Signature", "t=99999999999999999999999,v1=00"),
					null, null),
			new Garbage("signature with min t", "{}", Map.of("Sandbox-Signature", "t=-9223372036854775808,v1=00"),
					null, null),
			new Garbage("id not a UUID", null, Map.of(), "not-a-uuid", null),
			new Garbage("id nil UUID", null, Map.of(), "00000000-0000-0000-0000-000000000000", null),
			new Garbage("id loose UUID", null, Map.of(), "1-1-1-1-1", null),
			new Garbage("id huge", null, Map.of(), "9".repeat(3_000), null),
			new Garbage("id SQL", null, Map.of(), "'%20OR%201=1--", null),
			new Garbage("id encoded space", null, Map.of(), "%20", null),
			new Garbage("id encoded NUL", null, Map.of(), "%00", null),
			new Garbage("id encoded slash", null, Map.of(), "a%2Fb", null),
			new Garbage("id encoded dots", null, Map.of(), "%2e%2e", null),
			new Garbage("id encoded semicolon", null, Map.of(), "a%3Bb", null),
			new Garbage("id encoded percent", null, Map.of(), "%25", null),
			new Garbage("id unicode", null, Map.of(), "%E4%B8%AD%E6%96%87", null),
			new Garbage("id invalid UTF-8", null, Map.of(), "%C3%28", null),
			new Garbage("query garbage paging", null, Map.of(), null, "page=abc&size=-5&status=NOPE"),
			new Garbage("query huge paging", null, Map.of(), null, "page=2147483647&size=2147483647"),
			new Garbage("query overflow paging", null, Map.of(), null, "page=99999999999999&size=1e3"),
			new Garbage("query NUL", null, Map.of(), null, "q=%00&status=%00"),
			new Garbage("query wildcards", null, Map.of(), null, "q=" + "%25_%5C".repeat(30)),
			new Garbage("query repeated", null, Map.of(), null, "q=a&q=b&page=1&page=2"),
			new Garbage("query invalid UTF-8", null, Map.of(), null, "q=%C3%28"));

	/** Each endpoint with the garbage that can reach it: bodies where it takes one, ids where it has some. */
	static Stream<Arguments> garbage() {
		return ENDPOINTS.stream().flatMap(e -> GARBAGE.stream().filter(g -> applies(e, g)).map(g -> Arguments.of(e, g)));
	}

	private static boolean applies(Endpoint e, Garbage g) {
		boolean takesBody = e.goodBody() != null || e.method().equals("POST");
		if (g.id() != null) {
			return e.path().contains("{");
		}
		if (g.query() != null) {
			return e.method().equals("GET");
		}
		if (g.body() != null && g.headers().isEmpty()) {
			return takesBody;
		}
		return true;
	}

	private static volatile Fixture fixture;

	record Fixture(User owner, User buyer, User stranger, Map<String, String> ids) {
	}

	private Fixture fixture() {
		if (fixture == null) {
			Market market = scenario.market(2_000, 3_000, 3_900, 1_000, 800);
			User buyer = scenario.user();
			var order = scenario.order(buyer, market, 1);
			assertThat(order.status()).as(order.toString()).isEqualTo(201);
			// one account is both the supplier and the seller, so every owner-only path is reachable
			User owner = market.supplier();
			var shop = scenario.shop(owner);
			Map<String, String> ids = Map.of("{supplier}", market.product().supplierId(), "{sku}",
					market.product().skuId(), "{shop}", shop.id(), "{listing}", market.listingId(), "{order}", order.id(),
					"{payment}", order.json().get("payment").get("id").asString(), "{slug}", shop.slug());
			fixture = new Fixture(owner, buyer, scenario.user(), ids);
		}
		return fixture;
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("garbage")
	void garbageIsNeverA500AndAlwaysAProblem(Endpoint endpoint, Garbage garbage) {
		Fixture f = fixture();
		String path = endpoint.path();
		for (var id : f.ids().entrySet()) {
			path = path.replace(id.getKey(), garbage.id() != null ? garbage.id() : id.getValue());
		}
		if (garbage.query() != null) {
			path = path + "?" + garbage.query();
		}
		boolean hasBody = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE");
		String body = hasBody ? (garbage.body() != null ? garbage.body() : endpoint.goodBody()) : null;
		Map<String, String> headers = new LinkedHashMap<>();
		if (body != null && endpoint.path().endsWith("/webhooks/sandbox") && !garbage.headers().containsKey("Sandbox-Signature")) {
			// signed, so the garbage reaches the parser behind the signature check
			headers.put("Sandbox-Signature", SandboxSignature.sign(secret, clock.instant().getEpochSecond(), body));
		}
		headers.putAll(garbage.headers());
		String token = switch (endpoint.caller() == null ? "" : endpoint.caller()) {
			case "owner" -> f.owner().token();
			case "buyer" -> f.buyer().token();
			case "stranger" -> scenario.token(f.stranger().phone(), "password-123");
			default -> null;
		};

		var answer = api.send(endpoint.method(), path, token, body, headers);

		assertThat(answer.status()).as(endpoint + " " + path + " -> " + answer).isLessThan(500);
		if (answer.status() >= 400) {
			assertProblemBody(answer);
		}
	}

}

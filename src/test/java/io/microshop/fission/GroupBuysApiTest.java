package io.microshop.fission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Group buys over HTTP: deals, groups, group orders, success and expiry. */
class GroupBuysApiTest extends AppTest {

	static final long SUPPLY = 1_000;

	static final long FLOOR = 1_500;

	static final long PRICE = 2_500;

	static final long GROUP_PRICE = 1_800;

	static final long SHIPPING = 500;

	@Test
	void aSellerOffersAGroupDeal() {
		Market market = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		var created = deal(market, GROUP_PRICE, 3, "PT24H");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("id").asString()).isNotBlank();
		assertThat(created.json().get("listingId").asString()).isEqualTo(market.listingId());
		assertThat(created.json().get("skuId").asString()).isEqualTo(market.product().skuId());
		assertThat(created.json().get("groupPrice").asLong()).isEqualTo(GROUP_PRICE);
		assertThat(created.json().get("groupSize").asInt()).isEqualTo(3);
		assertThat(created.json().get("window").asString()).isEqualTo("PT24H");
		// a flash group is odd, not harmful: a window of a second is a deal like any other
		var flash = deal(market, GROUP_PRICE, 2, "PT1S");
		assertThat(flash.status()).as(flash.toString()).isEqualTo(201);
		assertThat(flash.json().get("window").asString()).isEqualTo("PT1S");
	}

	@Test
	void dealsAreRefusedAsTheContractSays() {
		Market market = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		String path = "/api/v1/shops/" + market.shop().id() + "/group-deals";
		Map<String, Object> body = dealBody(market, GROUP_PRICE, 3, "PT24H");
		assertThat(api.post(path, null, body).status()).isEqualTo(401);
		assertThat(api.post(path, scenario.user().token(), body).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/shops/" + UUID.randomUUID() + "/group-deals", market.seller().token(), body)
			.status()).isEqualTo(404);
		var below = deal(market, FLOOR - 1, 3, "PT24H");
		assertThat(below.status()).isEqualTo(422);
		assertThat(below.problemType()).endsWith("/price-below-floor");
		Market other = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		var foreignListing = api.post(path, market.seller().token(),
				Api.map("listingId", other.listingId(), "skuId", other.product().skuId(), "groupPrice", GROUP_PRICE,
						"groupSize", 3, "window", "PT24H"));
		assertThat(foreignListing.status()).as(foreignListing.toString()).isEqualTo(422);
		var foreignSku = api.post(path, market.seller().token(), Api.map("listingId", market.listingId(), "skuId",
				other.product().skuId(), "groupPrice", GROUP_PRICE, "groupSize", 3, "window", "PT24H"));
		assertThat(foreignSku.status()).as(foreignSku.toString()).isEqualTo(422);
		for (var bad : List.of(dealBody(market, GROUP_PRICE, 3, "tomorrow"), dealBody(market, GROUP_PRICE, 3, "PT0S"), dealBody(market, GROUP_PRICE, 3, "-PT1H"),
				dealBody(market, GROUP_PRICE, 3, "P8D"), dealBody(market, GROUP_PRICE, 1, "PT24H"),
				dealBody(market, GROUP_PRICE, 101, "PT24H"), dealBody(market, 0, 3, "PT24H"),
				Api.map("listingId", "not-a-uuid", "skuId", market.product().skuId(), "groupPrice", GROUP_PRICE,
						"groupSize", 3, "window", "PT24H"),
				Api.map("listingId", market.listingId(), "skuId", market.product().skuId(), "groupPrice", "lots",
						"groupSize", 3, "window", "PT24H"),
				Api.map("skuId", market.product().skuId(), "groupPrice", GROUP_PRICE, "groupSize", 3, "window",
						"PT24H"))) {
			var answer = api.post(path, market.seller().token(), bad);
			assertThat(answer.status()).as(bad + " -> " + answer).isEqualTo(400);
		}
	}

	@Test
	void aGroupIsSharedAndItsLinkLeadsToTheGroupPage() {
		Market market = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		String dealId = deal(market, GROUP_PRICE, 3, "PT24H").id();
		User leader = scenario.user();
		String groupId = start(leader, market, dealId).text("groupId");

		var share = api.post("/api/v1/shares", leader.token(), Map.of("groupId", groupId, "channel", "wechat"));
		assertThat(share.status()).as(share.toString()).isEqualTo(201);
		assertThat(share.text("channel")).isEqualTo("wechat");
		var opened = api.get(share.text("url"), null);

		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.headers().get("location").get(0)).endsWith("/g/" + groupId);
		var both = api.post("/api/v1/shares", leader.token(),
				Map.of("groupId", groupId, "listingId", market.listingId()));
		assertThat(both.status()).isEqualTo(422);
	}

	@Test
	void aGroupIsReadByAnyoneAndUnknownOnesAreNotFound() {
		Market market = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		String dealId = deal(market, GROUP_PRICE, 3, "PT24H").id();
		User leader = scenario.user();
		var order = start(leader, market, dealId);
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		String groupId = order.text("groupId");
		assertThat(order.json().get("total").asLong()).isEqualTo(GROUP_PRICE + SHIPPING);
		JsonNode group = api.get("/api/v1/groups/" + groupId, null).json();
		assertThat(group.get("id").asString()).isEqualTo(groupId);
		assertThat(group.get("dealId").asString()).isEqualTo(dealId);
		assertThat(group.get("status").asString()).isEqualTo("OPEN");
		assertThat(group.get("members").asInt()).isZero();
		assertThat(group.get("groupSize").asInt()).isEqualTo(3);
		assertThat(group.get("seatsLeft").asInt()).isEqualTo(3);
		assertThat(group.get("expiresAt").asString()).isNotBlank();
		scenario.pay(leader, order);
		group = api.get("/api/v1/groups/" + groupId, null).json();
		assertThat(group.get("members").asInt()).isEqualTo(1);
		assertThat(group.get("seatsLeft").asInt()).isEqualTo(2);
		assertThat(group.get("memberInitials").size()).isEqualTo(1);
		assertThat(group.get("memberInitials").get(0).asString()).isEqualTo("T");
		assertThat(api.get("/api/v1/groups/" + UUID.randomUUID(), null).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/groups/not-an-id", null).status()).isEqualTo(404);
	}

	@Test
	void groupOrdersAreRefusedAsTheContractSays() {
		Market market = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		String dealId = deal(market, GROUP_PRICE, 2, "PT24H").id();
		User leader = scenario.user();
		var lead = start(leader, market, dealId);
		String groupId = lead.text("groupId");
		// both a deal and a group: 422
		Map<String, Object> both = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		both.put("groupDealId", dealId);
		both.put("groupId", groupId);
		var mixed = api.post("/api/v1/orders", scenario.user().token(), both);
		assertThat(mixed.status()).as(mixed.toString()).isEqualTo(422);
		// another listing than the deal's: 422
		Market other = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		Map<String, Object> wrong = scenario.orderBody(other.listingId(), other.product().skuId(), 1);
		wrong.put("groupId", groupId);
		assertThat(api.post("/api/v1/orders", scenario.user().token(), wrong).status()).isEqualTo(422);
		// unknown group or deal: 404
		assertThat(join(scenario.user(), market, UUID.randomUUID().toString()).status()).isEqualTo(404);
		assertThat(start(scenario.user(), market, UUID.randomUUID().toString()).status()).isEqualTo(404);
		// full: 409 group-full
		scenario.pay(leader, lead);
		User joiner = scenario.user();
		var joined = join(joiner, market, groupId);
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		assertThat(joined.text("groupId")).isEqualTo(groupId);
		scenario.pay(joiner, joined);
		assertThat(api.get("/api/v1/groups/" + groupId, null).json().get("status").asString()).isEqualTo("SUCCEEDED");
		var full = join(scenario.user(), market, groupId);
		assertThat(full.status()).as(full.toString()).isEqualTo(409);
		assertThat(full.problemType()).endsWith("/group-full");
		// failed (expired): 409 group-closed
		String dealId2 = deal(market, GROUP_PRICE, 3, "PT1M").id();
		var lead2 = start(scenario.user(), market, dealId2);
		clock.advance(Duration.ofMinutes(2));
		var closed = join(scenario.user(), market, lead2.text("groupId"));
		assertThat(closed.status()).as(closed.toString()).isEqualTo(409);
		assertThat(closed.problemType()).endsWith("/group-closed");
	}

	@Test
	void aFullGroupGoesToTheSupplierOnlyWhenItSucceeds() {
		Market market = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		String dealId = deal(market, GROUP_PRICE, 3, "PT24H").id();
		User leader = scenario.user();
		var lead = start(leader, market, dealId);
		String groupId = lead.text("groupId");
		scenario.pay(leader, lead);
		User first = scenario.user();
		var one = join(first, market, groupId);
		scenario.pay(first, one);
		assertThat(supplierOrders(market)).isEmpty();
		var ship = ship(market, lead.id());
		assertThat(ship.status()).as(ship.toString()).isEqualTo(409);
		assertThat(ship.problemType()).endsWith("/invalid-order-state");
		User second = scenario.user();
		var two = join(second, market, groupId);
		scenario.pay(second, two);
		JsonNode group = api.get("/api/v1/groups/" + groupId, null).json();
		assertThat(group.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(group.get("members").asInt()).isEqualTo(3);
		assertThat(group.get("seatsLeft").asInt()).isZero();
		long deadline = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < deadline && supplierOrders(market).size() < 3) {
			Scenario.sleep(50);
		}
		assertThat(supplierOrders(market)).containsExactlyInAnyOrder(lead.id(), one.id(), two.id());
		assertThat(ship(market, lead.id()).status()).isEqualTo(201);
		assertThat(scenario.awaitStatus(leader, lead.id(), "SHIPPED")).isNotNull();
		assertThat(stock(market)).isEqualTo(7);
	}

	@Test
	void aGroupThatClosesShortIsRefundedAndItsStockReleased() {
		Market market = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		String dealId = deal(market, GROUP_PRICE, 3, "PT10M").id();
		User leader = scenario.user();
		var lead = start(leader, market, dealId);
		String groupId = lead.text("groupId");
		scenario.pay(leader, lead);
		User joiner = scenario.user();
		var one = join(joiner, market, groupId);
		scenario.pay(joiner, one);
		assertThat(stock(market)).isEqualTo(8);
		assertThat(shopPending(market)).isPositive();

		clock.advance(Duration.ofMinutes(11));
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline
				&& !("FAILED".equals(api.get("/api/v1/groups/" + groupId, null).json().get("status").asString())
						&& stock(market) == 10)) {
			Scenario.sleep(100);
		}
		assertThat(api.get("/api/v1/groups/" + groupId, null).json().get("status").asString()).isEqualTo("FAILED");
		scenario.awaitStatus(leader, lead.id(), "CANCELLED");
		scenario.awaitStatus(joiner, one.id(), "CANCELLED");
		assertThat(stock(market)).isEqualTo(10);
		assertThat(shopPending(market)).isZero();
		for (String id : List.of(lead.id(), one.id())) {
			assertThat(jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE kind = 'REFUND' AND reference = ?")
				.param(id)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE order_id IN (?, ?) AND status = 'REFUNDED'")
			.params(UUID.fromString(lead.id()), UUID.fromString(one.id()))
			.query(Long.class)
			.single()).isEqualTo(2);
		var trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
		assertThat(trial.get("balanced").asBoolean()).isTrue();
		assertThat(trial.get("sum").asLong()).isZero();
	}

	@Test
	void aPaidMemberWhoCancelsGivesTheSeatBack() {
		Market market = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		String dealId = deal(market, GROUP_PRICE, 3, "PT24H").id();
		User leader = scenario.user();
		var lead = start(leader, market, dealId);
		String groupId = lead.text("groupId");
		scenario.pay(leader, lead);
		User joiner = scenario.user();
		var one = join(joiner, market, groupId);
		scenario.pay(joiner, one);
		assertThat(api.get("/api/v1/groups/" + groupId, null).json().get("members").asInt()).isEqualTo(2);
		var cancelled = api.post("/api/v1/orders/" + one.id() + "/cancel", joiner.token(), null);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
		JsonNode group = api.get("/api/v1/groups/" + groupId, null).json();
		assertThat(group.get("members").asInt()).isEqualTo(1);
		assertThat(group.get("seatsLeft").asInt()).isEqualTo(2);
		assertThat(group.get("status").asString()).isEqualTo("OPEN");
		assertThat(stock(market)).isEqualTo(9);
	}

	@Test
	void theGroupPageShowsMembersSeatsCountdownAndPreview() {
		Market market = scenario.market(SUPPLY, FLOOR, PRICE, 10, SHIPPING);
		String dealId = deal(market, GROUP_PRICE, 3, "PT24H").id();
		User leader = scenario.user();
		var lead = start(leader, market, dealId);
		String groupId = lead.text("groupId");
		scenario.pay(leader, lead);
		var page = api.send("GET", "/g/" + groupId, null, null, Map.of("Accept", "text/html", "Accept-Language", "en"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("og:title", "og:image", "og:url", "/g/" + groupId)
			.contains("2 seat(s) left")
			.contains("id=\"countdown\"")
			.contains("/my/share?groupId", groupId)
			.contains("/l/" + market.listingId())
			.doesNotContain("<script>");
		assertThat(api.send("GET", "/g/" + UUID.randomUUID(), null, null, Map.of("Accept", "text/html")).status())
			.isEqualTo(404);
	}

	// helpers

	Map<String, Object> dealBody(Market market, long price, int size, String window) {
		return Api.map("listingId", market.listingId(), "skuId", market.product().skuId(), "groupPrice", price,
				"groupSize", size, "window", window);
	}

	Api.Response deal(Market market, long price, int size, String window) {
		return api.post("/api/v1/shops/" + market.shop().id() + "/group-deals", market.seller().token(),
				dealBody(market, price, size, window));
	}

	Api.Response start(User buyer, Market market, String dealId) {
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		body.put("groupDealId", dealId);
		return api.post("/api/v1/orders", buyer.token(), body);
	}

	Api.Response join(User buyer, Market market, String groupId) {
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		body.put("groupId", groupId);
		return api.post("/api/v1/orders", buyer.token(), body);
	}

	List<String> supplierOrders(Market market) {
		JsonNode page = api.get("/api/v1/suppliers/" + market.product().supplierId() + "/orders",
				market.supplier().token()).json();
		List<String> ids = new java.util.ArrayList<>();
		for (JsonNode o : page.get("items")) {
			ids.add(o.get("id").asString());
		}
		return ids;
	}

	Api.Response ship(Market market, String orderId) {
		return api.post("/api/v1/suppliers/" + market.product().supplierId() + "/orders/" + orderId + "/shipments",
				market.supplier().token(), Api.map("carrier", "SF", "trackingNumber", "SF123"));
	}

	int stock(Market market) {
		return jdbc.sql("SELECT stock FROM skus WHERE id = ?")
			.param(UUID.fromString(market.product().skuId()))
			.query(Integer.class)
			.single();
	}

	long shopPending(Market market) {
		return api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token())
			.json()
			.get("pending")
			.asLong();
	}

}

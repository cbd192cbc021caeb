package io.microshop.trust;

import static io.microshop.api.ApiAssertions.assertBadInput;
import static io.microshop.api.ApiAssertions.assertInvalidField;
import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.assertUnauthorized;
import static io.microshop.api.ApiAssertions.available;
import static io.microshop.api.ApiAssertions.count;
import static io.microshop.api.ApiAssertions.paymentsOf;
import static io.microshop.api.ApiAssertions.unknownId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A shop's complaint rate and its suspension, end to end over HTTP: paid orders, complaints
 * upheld by an operator, the 409 for new orders while suspended, and the operator's review.
 */
class ShopSuspensionApiTest extends AppTest {

	private String operator;

	private UUID operatorId;

	@BeforeEach
	void operator() {
		var token = api.post("/api/v1/tokens", null, Api.map("phone", OPERATOR_PHONE, "password", OPERATOR_PASSWORD));
		operator = token.text("token");
		operatorId = UUID.fromString(token.text("accountId"));
	}

	@Test
	void aShopAboveTheRateWithTwentyOrdersIsSuspendedUntilAnOperatorReinstatesIt() {
		Market market = scenario.market(1_000, 1_500, 3_000, 200, 0);
		User buyer = scenario.user();
		List<String> orders = paidOrders(buyer, market, 20);

		uphold(market, buyer, orders.get(0));
		JsonNode shop = bySlug(market);
		assertThat(shop.get("complaintRate").asDouble()).isEqualTo(0.05);
		assertThat(shop.get("suspended").asBoolean()).as("5% is not above 5%").isFalse();

		uphold(market, buyer, orders.get(1));
		shop = bySlug(market);
		assertThat(shop.get("complaintRate").asDouble()).isEqualTo(0.10);
		assertThat(shop.get("suspended").asBoolean()).isTrue();
		UUID shopId = UUID.fromString(market.shop().id());
		var suspension = jdbc.sql("""
				SELECT actor_account_id, reason FROM audit_log
				WHERE subject_kind = 'shop' AND subject_id = ? AND action = 'shop.suspend' ORDER BY id""")
			.param(shopId.toString())
			.query((rs, n) -> List.of(rs.getObject(1, UUID.class).toString(), rs.getString(2)))
			.list();
		assertThat(suspension).hasSize(1);
		assertThat(suspension.get(0).get(0)).as("the deciding operator").isEqualTo(operatorId.toString());
		assertThat(suspension.get(0).get(1)).contains("10.0%").contains("20 orders");

		// a new order: 409, and nothing written
		long before = count(jdbc, "SELECT count(*) FROM orders WHERE shop_id = ?", shopId);
		long payments = paymentsOf(jdbc, buyer);
		int stock = available(api, market.listingId());
		assertProblem(scenario.order(buyer, market, 1), 409, "shop-suspended");
		assertProblem(api.post("/api/v1/orders", buyer.token(),
				scenario.orderBody(market.listingId(), market.product().skuId(), 1), java.util.Map.of("Idempotency-Key",
						"k-" + UUID.randomUUID())),
				409, "shop-suspended");
		assertThat(count(jdbc, "SELECT count(*) FROM orders WHERE shop_id = ?", shopId)).isEqualTo(before);
		assertThat(paymentsOf(jdbc, buyer)).isEqualTo(payments);
		assertThat(available(api, market.listingId())).isEqualTo(stock);

		// orders placed before carry on: the supplier still ships them
		scenario.ship(market, orders.get(5));

		// the pages say so
		String page = page("/s/" + market.shop().slug());
		assertThat(page).contains("not taking orders").contains("10.0%");
		assertThat(page("/l/" + market.listingId())).contains("not taking orders");

		// the operators' queue
		var queue = api.get("/api/v1/ops/shops?suspended=true&size=100", operator);
		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		JsonNode listed = find(queue.json().get("items"), shopId);
		assertThat(listed).as(queue.toString()).isNotNull();
		assertThat(listed.get("name").asString()).isNotBlank();
		assertThat(listed.get("slug").asString()).isEqualTo(market.shop().slug());
		assertThat(listed.get("suspendedAt").asString()).isNotBlank();
		assertThat(listed.get("suspensionReason").asString()).contains("10.0%");
		assertThat(listed.get("complaintRate").asDouble()).isEqualTo(0.10);
		assertThat(queue.json().get("total").asLong()).isPositive();
		assertThat(find(api.get("/api/v1/ops/shops?suspended=false&size=100", operator).json().get("items"), shopId))
			.isNull();

		// the operator reinstates it, and ordering works again
		var reinstated = api.post("/api/v1/ops/shops/" + shopId + "/reinstatement", operator,
				Api.map("reason", "Seller replaced the supplier; reviewed the complaints."));
		assertThat(reinstated.status()).as(reinstated.toString()).isEqualTo(200);
		assertThat(reinstated.json().get("suspended").asBoolean()).isFalse();
		assertThat(reinstated.json().get("suspendedAt").isNull()).isTrue();
		assertThat(count(jdbc, "SELECT count(*) FROM audit_log WHERE subject_kind = 'shop' AND subject_id = ? "
				+ "AND action = 'shop.reinstate' AND actor_account_id = ?", shopId.toString(), operatorId))
			.isEqualTo(1);
		assertThat(bySlug(market).get("suspended").asBoolean()).isFalse();
		var again = scenario.order(buyer, market, 1);
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		scenario.pay(buyer, again);

		// only a later upheld complaint that keeps it above the threshold suspends it again: 3 / 21
		uphold(market, buyer, orders.get(2));
		assertThat(bySlug(market).get("suspended").asBoolean()).isTrue();
		assertThat(bySlug(market).get("complaintRate").asDouble()).isEqualTo(3.0 / 21);
	}

	@Test
	void fewerThanTwentyOrdersNeverSuspendAShop() {
		Market market = scenario.market(1_000, 1_500, 3_000, 50, 0);
		User buyer = scenario.user();
		List<String> orders = paidOrders(buyer, market, 5);

		uphold(market, buyer, orders.get(0));

		JsonNode shop = bySlug(market);
		assertThat(shop.get("complaintRate").asDouble()).isEqualTo(0.20);
		assertThat(shop.get("suspended").asBoolean()).isFalse();
		assertThat(scenario.order(buyer, market, 1).status()).isEqualTo(201);
		assertThat(page("/s/" + market.shop().slug())).contains("20.0%").doesNotContain("not taking orders");
	}

	@Test
	void aShopWithoutOrdersHasRateZero() {
		Market market = scenario.market(1_000, 1_500, 3_000, 5, 0);

		assertThat(bySlug(market).get("complaintRate").asDouble()).isZero();
		assertThat(page("/s/" + market.shop().slug())).contains("0.0%");
	}

	@Test
	void anOperatorSuspendsByHandAndEachRefusalHasItsStatus() {
		Market market = scenario.market(1_000, 1_500, 3_000, 5, 0);
		User buyer = scenario.user();
		String shopId = market.shop().id();
		String suspend = "/api/v1/ops/shops/" + shopId + "/suspension";
		String reinstate = "/api/v1/ops/shops/" + shopId + "/reinstatement";

		assertUnauthorized(api.post(suspend, null, Api.map("reason", "x")));
		assertProblem(api.post(suspend, market.seller().token(), Api.map("reason", "x")), 403);
		assertInvalidField(api.post(suspend, operator, Api.map("reason", "  ")), "reason");
		assertInvalidField(api.post(suspend, operator, Api.map()), "reason");
		assertProblem(api.post("/api/v1/ops/shops/" + unknownId() + "/suspension", operator, Api.map("reason", "x")),
				404);
		assertProblem(api.post(reinstate, operator, Api.map("reason", "nothing to lift")), 409, "not-suspended");
		assertThat(bySlug(market).get("suspended").asBoolean()).isFalse();

		var body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		var key = java.util.Map.of("Idempotency-Key", "before-" + UUID.randomUUID());
		var placedBefore = api.post("/api/v1/orders", buyer.token(), body, key);
		assertThat(placedBefore.status()).as(placedBefore.toString()).isEqualTo(201);

		var suspended = api.post(suspend, operator, Api.map("reason", "Counterfeit goods reported by the brand."));
		assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
		assertThat(suspended.json().get("suspended").asBoolean()).isTrue();
		assertThat(suspended.text("suspensionReason")).isEqualTo("Counterfeit goods reported by the brand.");
		assertProblem(api.post(suspend, operator, Api.map("reason", "again")), 409, "already-suspended");
		assertProblem(scenario.order(buyer, market, 1), 409, "shop-suspended");
		var replayed = api.post("/api/v1/orders", buyer.token(), body, key);
		assertThat(replayed.status()).as("a retry of an order placed before replays it").isEqualTo(201);
		assertThat(replayed.id()).isEqualTo(placedBefore.id());
		assertThat(count(jdbc, "SELECT count(*) FROM audit_log WHERE subject_kind = 'shop' AND subject_id = ? "
				+ "AND action = 'shop.suspend' AND actor_account_id = ?", shopId, operatorId)).isEqualTo(1);

		assertUnauthorized(api.post(reinstate, null, Api.map("reason", "ok")));
		assertProblem(api.post(reinstate, buyer.token(), Api.map("reason", "ok")), 403);
		assertInvalidField(api.post(reinstate, operator, Api.map("reason", "")), "reason");
		assertProblem(api.post("/api/v1/ops/shops/" + unknownId() + "/reinstatement", operator,
				Api.map("reason", "ok")), 404);
		assertThat(bySlug(market).get("suspended").asBoolean()).as("refusals change nothing").isTrue();

		assertThat(api.post(reinstate, operator, Api.map("reason", "The brand withdrew the report.")).status())
			.isEqualTo(200);
		assertProblem(api.post(reinstate, operator, Api.map("reason", "twice")), 409, "not-suspended");
		assertThat(scenario.order(buyer, market, 1).status()).isEqualTo(201);
	}

	@Test
	void onlyOperatorsSeeTheQueue() {
		User someone = scenario.user();

		assertUnauthorized(api.get("/api/v1/ops/shops?suspended=true", null));
		assertProblem(api.get("/api/v1/ops/shops?suspended=true", someone.token()), 403);
		var page = api.get("/api/v1/ops/shops?suspended=true&page=0&size=5", operator);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.json().get("size").asInt()).isEqualTo(5);
		assertThat(page.json().get("items").isArray()).isTrue();
		assertBadInput(api.get("/api/v1/ops/shops?suspended=maybe", operator));
	}

	private List<String> paidOrders(User buyer, Market market, int n) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			ids.add(scenario.paidOrder(buyer, market, 1).id());
		}
		return ids;
	}

	/** The supplier ships the order, its buyer complains and an operator decides a full refund. */
	private void uphold(Market market, User buyer, String orderId) {
		scenario.ship(market, orderId);
		var complaint = api.post("/api/v1/orders/" + orderId + "/complaints", buyer.token(),
				Api.map("reason", "DAMAGED", "text", "The tin arrived crushed."));
		assertThat(complaint.status()).as(complaint.toString()).isEqualTo(201);
		var decision = api.post("/api/v1/ops/complaints/" + complaint.id() + "/decision", operator,
				Api.map("outcome", "FULL_REFUND", "reason", "The photos show the damage."));
		assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
	}

	private JsonNode bySlug(Market market) {
		var shop = api.get("/api/v1/shops/by-slug/" + market.shop().slug(), null);
		assertThat(shop.status()).as(shop.toString()).isEqualTo(200);
		return shop.json();
	}

	private String page(String path) {
		var response = api.send("GET", path, null, null, java.util.Map.of("Accept", "text/html", "Accept-Language", "en"));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private static JsonNode find(JsonNode items, UUID shopId) {
		for (JsonNode item : items) {
			if (item.get("id").asString().equals(shopId.toString())) {
				return item;
			}
		}
		return null;
	}

}

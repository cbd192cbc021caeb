package io.microshop.api;

import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.assertUnauthorized;
import static io.microshop.api.ApiAssertions.available;
import static io.microshop.api.ApiAssertions.ordersOf;
import static io.microshop.api.ApiAssertions.paymentsOf;
import static io.microshop.api.ApiAssertions.stock;
import static io.microshop.api.ApiAssertions.unknownId;
import static io.microshop.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Placing, reading, cancelling, shipping and receiving orders. */
class OrdersApiTest extends AppTest {

	@Test
	void anOrderIsPlacedPendingPaymentWithItsPayment() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();

		var order = scenario.order(buyer, market, 3);

		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		assertThat(order.id()).isNotBlank();
		assertThat(order.text("status")).isEqualTo("PENDING_PAYMENT");
		assertThat(order.json().get("total").asLong()).isEqualTo(3 * 3_900 + 800);
		assertThat(order.text("currency")).isEqualTo("CNY");
		JsonNode payment = order.json().get("payment");
		assertThat(payment.get("id").asString()).isNotBlank();
		assertThat(payment.get("provider").asString()).isEqualTo("sandbox");
		assertThat(payment.get("status").asString()).isEqualTo("PENDING");
		assertThat(order.json().has("groupId")).isFalse();
		assertThat(order.body()).doesNotContain("supplyPrice");
		// stock is reserved at once
		assertThat(available(api, market.listingId())).isEqualTo(7);
		assertThat(stock(jdbc, market.product().skuId())).isEqualTo(7);
	}

	@Test
	void tooLittleStockIs409OutOfStockAndTakesNothing() {
		Market market = scenario.market(2_000, 3_000, 3_900, 5, 800);
		User buyer = scenario.user();

		var refused = scenario.order(buyer, market, 6);

		assertProblem(refused, 409, "out-of-stock");
		assertThat(available(api, market.listingId())).isEqualTo(5);
		assertThat(ordersOf(jdbc, buyer)).isZero();
		assertThat(paymentsOf(jdbc, buyer)).isZero();
		// the whole stock can still be bought, and then nothing more
		assertThat(scenario.order(buyer, market, 5).status()).isEqualTo(201);
		assertProblem(scenario.order(buyer, market, 1), 409, "out-of-stock");
		assertThat(stock(jdbc, market.product().skuId())).isZero();
		assertThat(ordersOf(jdbc, buyer)).isEqualTo(1);
	}

	@Test
	void anIdempotencyKeyReplaysTheFirstOrderAndRefusesAnotherBody() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var body = scenario.orderBody(market.listingId(), market.product().skuId(), 2);
		var key = java.util.Map.of("Idempotency-Key", "checkout-" + UUID.randomUUID());

		var first = api.post("/api/v1/orders", buyer.token(), body, key);
		var replay = api.post("/api/v1/orders", buyer.token(), body, key);
		var other = api.post("/api/v1/orders", buyer.token(),
				scenario.orderBody(market.listingId(), market.product().skuId(), 3), key);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(replay.status()).as(replay.toString()).isIn(200, 201);
		assertThat(replay.id()).isEqualTo(first.id());
		assertProblem(other, 409, "idempotency-key-reused");
		assertThat(ordersOf(jdbc, buyer)).isEqualTo(1);
		assertThat(available(api, market.listingId())).isEqualTo(8);
	}

	@Test
	void placingAnOrderNeedsAToken() {
		Market market = scenario.market(2_000, 3_000, 3_900, 5, 800);

		assertUnauthorized(api.post("/api/v1/orders", null, scenario.orderBody(market.listingId(),
				market.product().skuId(), 1)));
		assertThat(available(api, market.listingId())).isEqualTo(5);
	}

	@Test
	void theBuyerSellerSupplierAndOperatorSeeTheOrderWithItsTimeline() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var placed = scenario.order(buyer, market, 2);
		scenario.pay(buyer, placed);
		String path = "/api/v1/orders/" + placed.id();

		List<String> viewers = new ArrayList<>(List.of(buyer.token(), market.seller().token(),
				market.supplier().token(), scenario.operatorToken()));
		for (String token : viewers) {
			var order = api.get(path, token);
			assertThat(order.status()).as(order.toString()).isEqualTo(200);
			JsonNode json = order.json();
			assertThat(json.get("id").asString()).isEqualTo(placed.id());
			assertThat(json.get("status").asString()).isEqualTo("PAID");
			assertThat(json.get("shopId").asString()).isEqualTo(market.shop().id());
			assertThat(json.get("total").asLong()).isEqualTo(2 * 3_900 + 800);
			assertThat(json.get("currency").asString()).isEqualTo("CNY");
			JsonNode line = json.get("items").get(0);
			assertThat(line.get("skuId").asString()).isEqualTo(market.product().skuId());
			assertThat(line.get("quantity").asInt()).isEqualTo(2);
			assertThat(line.get("price").asLong()).isEqualTo(3_900);
			JsonNode timeline = json.get("timeline");
			assertThat(timeline).hasSize(2);
			assertThat(timeline.get(0).get("status").asString()).isEqualTo("PENDING_PAYMENT");
			assertThat(timeline.get(1).get("status").asString()).isEqualTo("PAID");
			OffsetDateTime placedAt = OffsetDateTime.parse(timeline.get(0).get("at").asString());
			OffsetDateTime paidAt = OffsetDateTime.parse(timeline.get(1).get("at").asString());
			assertThat(paidAt).isAfterOrEqualTo(placedAt);
			assertThat(json.has("shipment")).isFalse();
		}
	}

	@Test
	void aStrangerGets404ForAnOrderAsForAnUnknownOne() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var placed = scenario.order(buyer, market, 1);
		User stranger = scenario.user();

		JsonNode hidden = assertProblem(api.get("/api/v1/orders/" + placed.id(), stranger.token()), 404, "not-found");
		JsonNode unknown = assertProblem(api.get("/api/v1/orders/" + unknownId(), stranger.token()), 404, "not-found");
		assertProblem(api.get("/api/v1/orders/not-an-order", stranger.token()), 404, "not-found");
		assertThat(hidden.get("detail")).isEqualTo(unknown.get("detail"));
		// another seller's or supplier's account is a stranger too
		Market otherMarket = scenario.market(2_000, 3_000, 3_900, 10, 800);
		assertProblem(api.get("/api/v1/orders/" + placed.id(), otherMarket.seller().token()), 404, "not-found");
		assertProblem(api.get("/api/v1/orders/" + placed.id(), otherMarket.supplier().token()), 404, "not-found");
	}

	@Test
	void cancellingAPendingOrderReleasesItsStock() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var placed = scenario.order(buyer, market, 4);
		assertThat(available(api, market.listingId())).isEqualTo(6);

		var cancelled = api.post("/api/v1/orders/" + placed.id() + "/cancel", buyer.token(), null);

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("payment").get("status").asString()).isEqualTo("CANCELLED");
		JsonNode timeline = cancelled.json().get("timeline");
		assertThat(timeline.get(timeline.size() - 1).get("status").asString()).isEqualTo("CANCELLED");
		assertThat(available(api, market.listingId())).isEqualTo(10);
		// the payment can no longer be paid, and a second cancel changes nothing
		String paymentId = placed.json().get("payment").get("id").asString();
		assertProblem(api.post("/api/v1/payments/" + paymentId + "/sandbox-pay", buyer.token(), null), 409,
				"payment-closed");
		assertProblem(api.post("/api/v1/orders/" + placed.id() + "/cancel", buyer.token(), null), 409,
				"invalid-order-state");
		assertThat(available(api, market.listingId())).isEqualTo(10);
	}

	@Test
	void cancellingAPaidOrderRefundsItInFull() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var placed = scenario.order(buyer, market, 2);
		scenario.pay(buyer, placed);
		var balance = api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token()).json();
		assertThat(balance.get("pending").asLong()).isPositive();

		var cancelled = api.post("/api/v1/orders/" + placed.id() + "/cancel", buyer.token(), null);

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("payment").get("status").asString()).isEqualTo("REFUNDED");
		// the provider is told to give the whole payment back, once
		eventually(() -> assertThat(jdbc.sql("SELECT status || ' ' || amount FROM payment_refunds WHERE payment_id = ?")
			.param(UUID.fromString(cancelled.json().get("payment").get("id").asString()))
			.query(String.class)
			.list()).containsExactly("SENT " + cancelled.json().get("total").asLong()));
		assertThat(available(api, market.listingId())).isEqualTo(10);
		var shop = api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token()).json();
		assertThat(shop.get("pending").asLong()).isZero();
		assertThat(shop.get("available").asLong()).isZero();
		var supplier = api.get("/api/v1/suppliers/" + market.product().supplierId() + "/balance",
				market.supplier().token()).json();
		assertThat(supplier.get("pending").asLong()).isZero();
		var trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
		assertThat(trial.get("balanced").asBoolean()).isTrue();
		assertThat(trial.get("sum").asLong()).isZero();
		// the shop cannot ship a cancelled order
		assertProblem(api.post("/api/v1/suppliers/" + market.product().supplierId() + "/orders/" + placed.id()
				+ "/shipments", market.supplier().token(), Api.map("carrier", "SF", "trackingNumber", "SF1")), 409,
				"invalid-order-state");
	}

	@Test
	void onlyTheBuyerCancelsAndNotAfterShipping() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var placed = scenario.order(buyer, market, 1);
		String cancel = "/api/v1/orders/" + placed.id() + "/cancel";

		assertProblem(api.post(cancel, market.seller().token(), null), 403, "forbidden");
		assertProblem(api.post(cancel, market.supplier().token(), null), 403, "forbidden");
		assertProblem(api.post(cancel, scenario.user().token(), null), 404, "not-found");
		assertProblem(api.post("/api/v1/orders/" + unknownId() + "/cancel", buyer.token(), null), 404, "not-found");
		assertUnauthorized(api.post(cancel, null, null));
		assertThat(api.get("/api/v1/orders/" + placed.id(), buyer.token()).text("status")).isEqualTo("PENDING_PAYMENT");

		scenario.pay(buyer, placed);
		scenario.ship(market, placed.id());
		assertProblem(api.post(cancel, buyer.token(), null), 409, "invalid-order-state");
		assertThat(api.get("/api/v1/orders/" + placed.id(), buyer.token()).text("status")).isEqualTo("SHIPPED");
		assertThat(available(api, market.listingId())).isEqualTo(9);
	}

	@Test
	void theSupplierShipsAPaidOrderAndTheBuyerConfirmsReceipt() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var placed = scenario.order(buyer, market, 1);
		String receipt = "/api/v1/orders/" + placed.id() + "/confirm-receipt";
		String shipments = "/api/v1/suppliers/" + market.product().supplierId() + "/orders/" + placed.id()
				+ "/shipments";
		var shipment = Api.map("carrier", "SF Express", "trackingNumber", "SF1234567890");

		assertProblem(api.post(shipments, market.supplier().token(), shipment), 409, "invalid-order-state");
		assertProblem(api.post(receipt, buyer.token(), null), 409, "invalid-order-state");
		scenario.pay(buyer, placed);
		assertProblem(api.post(receipt, buyer.token(), null), 409, "invalid-order-state");

		var shipped = api.post(shipments, market.supplier().token(), shipment);
		assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
		assertThat(shipped.text("status")).isEqualTo("SHIPPED");
		assertThat(shipped.json().get("shipment").get("carrier").asString()).isEqualTo("SF Express");
		assertThat(shipped.json().get("shipment").get("trackingNumber").asString()).isEqualTo("SF1234567890");
		assertProblem(api.post(shipments, market.supplier().token(), shipment), 409, "invalid-order-state");

		assertProblem(api.post(receipt, market.seller().token(), null), 403, "forbidden");
		assertProblem(api.post(receipt, scenario.user().token(), null), 404, "not-found");
		var received = api.post(receipt, buyer.token(), null);
		assertThat(received.status()).as(received.toString()).isEqualTo(200);
		assertThat(received.text("status")).isEqualTo("RECEIVED");
		JsonNode timeline = received.json().get("timeline");
		assertThat(timeline).extracting(step -> step.get("status").asString())
			.containsExactly("PENDING_PAYMENT", "PAID", "SHIPPED", "RECEIVED");
		assertProblem(api.post(receipt, buyer.token(), null), 409, "invalid-order-state");
		assertProblem(api.post("/api/v1/orders/" + placed.id() + "/cancel", buyer.token(), null), 409,
				"invalid-order-state");
	}

	@Test
	void shippingIsOnlyForTheOrdersOwnSupplier() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		Market otherMarket = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var placed = scenario.order(buyer, market, 1);
		scenario.pay(buyer, placed);
		var shipment = Api.map("carrier", "SF Express", "trackingNumber", "SF1");
		String supplierId = market.product().supplierId();
		String otherSupplierId = otherMarket.product().supplierId();

		// the other supplier's own id, this order: not its order
		assertProblem(api.post("/api/v1/suppliers/" + otherSupplierId + "/orders/" + placed.id() + "/shipments",
				otherMarket.supplier().token(), shipment), 404, "not-found");
		// this order's supplier id, with another account
		assertProblem(api.post("/api/v1/suppliers/" + supplierId + "/orders/" + placed.id() + "/shipments",
				otherMarket.supplier().token(), shipment), 403, "forbidden");
		assertProblem(api.post("/api/v1/suppliers/" + supplierId + "/orders/" + placed.id() + "/shipments",
				buyer.token(), shipment), 403, "forbidden");
		assertProblem(api.post("/api/v1/suppliers/" + supplierId + "/orders/" + unknownId() + "/shipments",
				market.supplier().token(), shipment), 404, "not-found");
		assertProblem(api.post("/api/v1/suppliers/" + unknownId() + "/orders/" + placed.id() + "/shipments",
				market.supplier().token(), shipment), 404, "not-found");
		ApiAssertions.assertInvalidField(api.post("/api/v1/suppliers/" + supplierId + "/orders/" + placed.id()
				+ "/shipments", market.supplier().token(), Api.map("carrier", "SF")), "trackingNumber");
		ApiAssertions.assertInvalidField(api.post("/api/v1/suppliers/" + supplierId + "/orders/" + placed.id()
				+ "/shipments", market.supplier().token(), Api.map("carrier", "SF", "trackingNumber", "9".repeat(65))),
				"trackingNumber");

		assertThat(api.get("/api/v1/orders/" + placed.id(), buyer.token()).text("status")).isEqualTo("PAID");
	}

}

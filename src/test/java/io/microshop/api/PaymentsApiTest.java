package io.microshop.api;

import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.assertUnauthorized;
import static io.microshop.api.ApiAssertions.count;
import static io.microshop.api.ApiAssertions.unknownId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.microshop.payment.sandbox.SandboxSignature;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

/** Sandbox payments and the provider's signed webhook. */
class PaymentsApiTest extends AppTest {

	private static final String WEBHOOK = "/api/v1/payments/webhooks/sandbox";

	@Value("${microshop.payments.sandbox.webhook-secret}")
	String secret;

	@Test
	void thePayerPaysInTheSandboxAndTheOrderIsPaidWithinTwoSeconds() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);
		String paymentId = paymentId(order);

		long start = System.nanoTime();
		var paid = api.post("/api/v1/payments/" + paymentId + "/sandbox-pay", buyer.token(), null);
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		assertThat(paid.id()).isEqualTo(paymentId);
		JsonNode view = scenario.awaitStatus(buyer, order.id(), "PAID");
		long millis = (System.nanoTime() - start) / 1_000_000;

		assertThat(millis).as("PAID after %d ms", millis).isLessThan(2_000);
		assertThat(view.get("payment").get("status").asString()).isEqualTo("SUCCEEDED");
		// paying again is harmless
		var again = api.post("/api/v1/payments/" + paymentId + "/sandbox-pay", buyer.token(), null);
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		Scenario.sleep(300);
		assertThat(count(jdbc, "SELECT count(*) FROM ledger_transactions WHERE reference = ? AND kind = 'PAYMENT'",
				order.id())).isEqualTo(1);
	}

	@Test
	void onlyThePayerMayPay() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);
		String path = "/api/v1/payments/" + paymentId(order) + "/sandbox-pay";

		assertProblem(api.post(path, scenario.user().token(), null), 404, "not-found");
		assertProblem(api.post(path, market.seller().token(), null), 404, "not-found");
		assertProblem(api.post("/api/v1/payments/" + unknownId() + "/sandbox-pay", buyer.token(), null), 404,
				"not-found");
		assertProblem(api.post("/api/v1/payments/garbage/sandbox-pay", buyer.token(), null), 404, "not-found");
		assertUnauthorized(api.post(path, null, null));
		Scenario.sleep(500);
		assertThat(api.get("/api/v1/orders/" + order.id(), buyer.token()).text("status")).isEqualTo("PENDING_PAYMENT");
	}

	@Test
	void aSignedWebhookMarksTheOrderPaidAndAReplayChangesNothing() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 2);
		long total = order.json().get("total").asLong();
		String body = event("evt_" + UUID.randomUUID(), paymentId(order), total);
		String signature = sign(body, now());

		var first = webhook(body, signature);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		scenario.awaitStatus(buyer, order.id(), "PAID");
		long sellerPart = 2 * 3_900 - 2 * 2_000 - (2 * 3_900 * 200 / 10_000);
		assertThat(shopPending(market)).isEqualTo(sellerPart);

		var replay = webhook(body, signature);
		assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
		var resigned = webhook(body, sign(body, now()));
		assertThat(resigned.status()).as(resigned.toString()).isEqualTo(200);
		// a second event id for the same payment credits nothing either
		String other = event("evt_" + UUID.randomUUID(), paymentId(order), total);
		assertThat(webhook(other, sign(other, now())).status()).isEqualTo(200);
		Scenario.sleep(500);

		assertThat(shopPending(market)).isEqualTo(sellerPart);
		assertThat(count(jdbc, "SELECT count(*) FROM ledger_transactions WHERE reference = ?", order.id()))
			.isEqualTo(1);
		var trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
		assertThat(trial.get("balanced").asBoolean()).isTrue();
		assertThat(trial.get("sum").asLong()).isZero();
		assertThat(api.get("/api/v1/orders/" + order.id(), buyer.token()).text("status")).isEqualTo("PAID");
	}

	@Test
	void theSignatureNotTheContentTypeVouchesForAnEvent() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);
		String body = event("evt_" + UUID.randomUUID(), paymentId(order), order.json().get("total").asLong());
		var plain = api.send("POST", WEBHOOK, null, body,
				Map.of("Sandbox-Signature", sign(body, now()), "Content-Type", "text/plain"));
		assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
		scenario.awaitStatus(buyer, order.id(), "PAID");
		var unsigned = api.send("POST", WEBHOOK, null, body, Map.of("Content-Type", "text/plain"));
		assertProblem(unsigned, 400);
	}

	@Test
	void aBadSignatureIs400AndChangesNothing() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);
		String paymentId = paymentId(order);
		String body = event("evt_" + UUID.randomUUID(), paymentId, order.json().get("total").asLong());
		long t = now();
		String good = sign(body, t);

		assertProblem(webhook(body, SandboxSignature.sign("whsec_wrong", t, body)), 400, "invalid-webhook");
		assertProblem(webhook(body, null), 400, "invalid-webhook");
		assertProblem(webhook(body, "garbage"), 400, "invalid-webhook");
		assertProblem(webhook(body, "t=" + t), 400, "invalid-webhook");
		assertProblem(webhook(body, "t=abc,v1=" + good.substring(good.indexOf("v1=") + 3)), 400, "invalid-webhook");
		assertProblem(webhook(body, "t=" + (t + 1) + good.substring(good.indexOf(','))), 400, "invalid-webhook");
		// the signature covers the body: a changed amount is caught
		String tampered = body.replace("\"amount\":", "\"amount\":1");
		assertProblem(webhook(tampered, good), 400, "invalid-webhook");
		Scenario.sleep(500);

		assertThat(api.get("/api/v1/orders/" + order.id(), buyer.token()).text("status")).isEqualTo("PENDING_PAYMENT");
		assertThat(count(jdbc, "SELECT count(*) FROM payment_events WHERE payment_id = ?", UUID.fromString(paymentId)))
			.isZero();
		assertThat(shopPending(market)).isZero();
		// the genuine event still goes through afterwards
		assertThat(webhook(body, good).status()).isEqualTo(200);
		scenario.awaitStatus(buyer, order.id(), "PAID");
	}

	@Test
	void aStaleOrFarFutureTimestampIs400() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);
		String body = event("evt_" + UUID.randomUUID(), paymentId(order), order.json().get("total").asLong());

		assertProblem(webhook(body, sign(body, now() - 301)), 400, "invalid-webhook");
		assertProblem(webhook(body, sign(body, now() - 3_600)), 400, "invalid-webhook");
		assertProblem(webhook(body, sign(body, now() + 3_600)), 400, "invalid-webhook");
		Scenario.sleep(300);
		assertThat(api.get("/api/v1/orders/" + order.id(), buyer.token()).text("status")).isEqualTo("PENDING_PAYMENT");
		// within the tolerance it is accepted
		assertThat(webhook(body, sign(body, now() - 240)).status()).isEqualTo(200);
		scenario.awaitStatus(buyer, order.id(), "PAID");
	}

	@Test
	void anEventForAnUnknownPaymentOrTheWrongAmountIs400() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);
		long total = order.json().get("total").asLong();

		String unknown = event("evt_" + UUID.randomUUID(), unknownId(), total);
		assertProblem(webhook(unknown, sign(unknown, now())), 400, "invalid-webhook");
		String malformed = event("evt_" + UUID.randomUUID(), "pay_123", total);
		assertProblem(webhook(malformed, sign(malformed, now())), 400, "invalid-webhook");
		String wrongAmount = event("evt_" + UUID.randomUUID(), paymentId(order), total - 1);
		assertProblem(webhook(wrongAmount, sign(wrongAmount, now())), 400, "invalid-webhook");
		String wrongCurrency = Api.JSON.writeValueAsString(Api.map("id", "evt_" + UUID.randomUUID(), "type",
				"payment.succeeded", "paymentId", paymentId(order), "amount", total, "currency", "USD"));
		assertProblem(webhook(wrongCurrency, sign(wrongCurrency, now())), 400, "invalid-webhook");
		String noId = Api.JSON.writeValueAsString(Api.map("type", "payment.succeeded", "paymentId", paymentId(order),
				"amount", total, "currency", "CNY"));
		assertProblem(webhook(noId, sign(noId, now())), 400, "invalid-webhook");
		String notJson = "this is not json";
		assertProblem(webhook(notJson, sign(notJson, now())), 400, "invalid-webhook");
		Scenario.sleep(300);

		assertThat(api.get("/api/v1/orders/" + order.id(), buyer.token()).text("status")).isEqualTo("PENDING_PAYMENT");
	}

	@Test
	void moneyArrivingForACancelledOrderGoesStraightBack() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);
		String paymentId = paymentId(order);
		assertThat(api.post("/api/v1/orders/" + order.id() + "/cancel", buyer.token(), null).status()).isEqualTo(200);
		String body = event("evt_" + UUID.randomUUID(), paymentId, order.json().get("total").asLong());

		var late = webhook(body, sign(body, now()));

		assertThat(late.status()).as(late.toString()).isEqualTo(200);
		long deadline = System.currentTimeMillis() + 5_000;
		while (System.currentTimeMillis() < deadline && count(jdbc,
				"SELECT count(*) FROM ledger_transactions WHERE reference = ? AND kind = 'REFUND'", order.id()) == 0) {
			Scenario.sleep(50);
		}
		var view = api.get("/api/v1/orders/" + order.id(), buyer.token()).json();
		assertThat(view.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(view.get("payment").get("status").asString()).isEqualTo("REFUNDED");
		assertThat(shopPending(market)).isZero();
		assertThat(ApiAssertions.available(api, market.listingId())).isEqualTo(10);
		var trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
		assertThat(trial.get("balanced").asBoolean()).isTrue();
	}

	@Test
	void otherEventTypesAreAcknowledgedAndIgnored() {
		String body = Api.JSON.writeValueAsString(Api.map("id", "evt_" + UUID.randomUUID(), "type", "payment.created"));

		var answer = webhook(body, sign(body, now()));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(webhook(body, sign(body, now())).status()).isEqualTo(200);
	}

	private String paymentId(Api.Response order) {
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		return order.json().get("payment").get("id").asString();
	}

	private long shopPending(Market market) {
		return api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token())
			.json()
			.get("pending")
			.asLong();
	}

	/** Seconds on the app's clock, which tests may have moved forward. */
	private long now() {
		return clock.instant().getEpochSecond();
	}

	private String sign(String body, long t) {
		return SandboxSignature.sign(secret, t, body);
	}

	private Api.Response webhook(String body, String signature) {
		return api.send("POST", WEBHOOK, null, body,
				signature == null ? Map.of() : Map.of("Sandbox-Signature", signature));
	}

	static String event(String id, String paymentId, long amount) {
		return Api.JSON.writeValueAsString(Api.map("id", id, "type", "payment.succeeded", "paymentId", paymentId,
				"amount", amount, "currency", "CNY"));
	}

}

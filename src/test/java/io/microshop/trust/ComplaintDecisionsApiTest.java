package io.microshop.trust;

import static io.microshop.api.ApiAssertions.assertInvalidField;
import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.trust.ComplaintFixtures.decide;
import static io.microshop.trust.ComplaintFixtures.market;
import static io.microshop.trust.ComplaintFixtures.openComplaint;
import static io.microshop.trust.ComplaintFixtures.receivedOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** POST /api/v1/ops/complaints/{id}/decision, one test per status, and the operators' queue. */
class ComplaintDecisionsApiTest extends AppTest {

	@Test
	void anOperatorRejects200TheHoldIsLiftedAndTheDecisionIsAudited() {
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market(scenario), buyer, null);
		String id = openComplaint(api, buyer, orderId);

		var decided = decide(api, scenario.operatorToken(), id,
				Api.map("outcome", "REJECT", "reason", "The seller proved delivery in good order."));

		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
		JsonNode body = decided.json();
		assertThat(body.get("status").asString()).isEqualTo("DECIDED");
		assertThat(body.get("decision").get("outcome").asString()).isEqualTo("REJECT");
		assertThat(body.get("decision").has("refundAmount")).isFalse();
		assertThat(held(orderId)).isFalse();
		assertThat(api.get("/api/v1/orders/" + orderId, buyer.token()).text("status")).isEqualTo("RECEIVED");
		assertThat(jdbc.sql("SELECT action || ' ' || reason || ' ' || detail FROM audit_log WHERE subject_kind = "
				+ "'complaint' AND subject_id = ?")
			.param(id)
			.query(String.class)
			.list()).singleElement()
			.asString()
			.startsWith("complaint.decide The seller proved delivery in good order. REJECT");
	}

	@Test
	void aSecondDecisionIs409AndChangesNothing() {
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market(scenario), buyer, null);
		String id = openComplaint(api, buyer, orderId);
		String operator = scenario.operatorToken();
		assertThat(decide(api, operator, id, Api.map("outcome", "REJECT", "reason", "No fault")).status())
			.isEqualTo(200);

		assertProblem(decide(api, operator, id, Api.map("outcome", "FULL_REFUND", "reason", "Changed my mind")), 409,
				"already-decided");
		assertThat(api.get("/api/v1/orders/" + orderId, buyer.token()).text("status")).isEqualTo("RECEIVED");
		assertThat(refunds(orderId)).isZero();
	}

	@Test
	void badDecisionsAre422AndChangeNothing() {
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market(scenario), buyer, null);
		String id = openComplaint(api, buyer, orderId);
		String operator = scenario.operatorToken();
		long total = api.get("/api/v1/orders/" + orderId, buyer.token()).json().get("total").asLong();

		assertInvalidField(decide(api, operator, id, Api.map("outcome", "PARTIAL_REFUND", "reason", "Dented")),
				422, "refundAmount");
		assertInvalidField(decide(api, operator, id,
				Api.map("outcome", "PARTIAL_REFUND", "refundAmount", 0, "reason", "Dented")), 422, "refundAmount");
		assertInvalidField(decide(api, operator, id,
				Api.map("outcome", "PARTIAL_REFUND", "refundAmount", -100, "reason", "Dented")), 422, "refundAmount");
		assertProblem(decide(api, operator, id,
				Api.map("outcome", "PARTIAL_REFUND", "refundAmount", total, "reason", "Dented")), 422,
				"refund-too-large");
		assertProblem(decide(api, operator, id,
				Api.map("outcome", "PARTIAL_REFUND", "refundAmount", total + 1, "reason", "Dented")), 422,
				"refund-too-large");
		assertInvalidField(decide(api, operator, id, Api.map("outcome", "FULL_REFUND", "reason", " ")), 422,
				"reason");
		assertInvalidField(decide(api, operator, id, Api.map("outcome", "REFUND_TWICE", "reason", "Dented")), 422,
				"outcome");
		assertInvalidField(decide(api, operator, id, Api.map("reason", "Dented")), 422, "outcome");

		JsonNode complaint = api.get("/api/v1/complaints/" + id, operator).json();
		assertThat(complaint.get("status").asString()).isEqualTo("OPEN");
		assertThat(held(orderId)).isTrue();
		assertThat(refunds(orderId)).isZero();
		assertThat(jdbc.sql("SELECT refunded_amount FROM orders WHERE id = ?")
			.param(UUID.fromString(orderId))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aBuyerOrSellerIs403() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);
		String id = openComplaint(api, buyer, orderId);

		assertProblem(decide(api, buyer.token(), id, Api.map("outcome", "FULL_REFUND", "reason", "Please")), 403,
				"forbidden");
		assertProblem(decide(api, market.seller().token(), id, Api.map("outcome", "REJECT", "reason", "Mine")), 403,
				"forbidden");
		assertProblem(api.get("/api/v1/ops/complaints", buyer.token()), 403, "forbidden");
		assertThat(held(orderId)).isTrue();
	}

	@Test
	void anUnknownComplaintIs404() {
		assertProblem(decide(api, scenario.operatorToken(), UUID.randomUUID().toString(),
				Api.map("outcome", "REJECT", "reason", "Who?")), 404, "not-found");
	}

	@Test
	void withoutATokenIs401() {
		assertProblem(decide(api, null, UUID.randomUUID().toString(), Api.map("outcome", "REJECT", "reason", "x")),
				401, "unauthorized");
		assertProblem(api.get("/api/v1/ops/complaints", null), 401, "unauthorized");
	}

	@Test
	void operatorsSeeOpenComplaintsInAPagedQueue() {
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market(scenario), buyer, null);
		String id = openComplaint(api, buyer, orderId);

		var queue = api.get("/api/v1/ops/complaints?status=OPEN&size=100", scenario.operatorToken());

		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		JsonNode page = queue.json();
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(100);
		assertThat(page.get("total").asLong()).isPositive();
		assertThat(page.get("items").valueStream().map(i -> i.get("status").asString())).containsOnly("OPEN");
		long last = (page.get("total").asLong() - 1) / 100;
		var lastPage = api.get("/api/v1/ops/complaints?status=OPEN&size=100&page=" + last, scenario.operatorToken());
		assertThat(lastPage.json().get("items").valueStream().map(i -> i.get("id").asString())).contains(id);
		assertInvalidField(api.get("/api/v1/ops/complaints?status=MAYBE", scenario.operatorToken()), 422, "status");
	}

	private boolean held(String orderId) {
		return jdbc.sql("SELECT settlement_held FROM orders WHERE id = ?")
			.param(UUID.fromString(orderId))
			.query(Boolean.class)
			.single();
	}

	private long refunds(String orderId) {
		return jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE kind IN ('REFUND', 'PARTIAL_REFUND') "
				+ "AND (reference = ? OR reference LIKE ?)")
			.params(orderId, orderId + ":%")
			.query(Long.class)
			.single();
	}

}

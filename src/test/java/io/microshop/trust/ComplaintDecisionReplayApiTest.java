package io.microshop.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.microshop.api.ApiAssertions;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

/**
 * A refund decision is money-bearing: sent again with its {@code Idempotency-Key} (the answer
 * was lost) it answers as the first did and refunds nothing more; the key with another
 * decision is refused, and without a key a second decision is 409 {@code already-decided}.
 */
class ComplaintDecisionReplayApiTest extends AppTest {

	@Test
	void theSameDecisionSentAgainWithItsKeyAnswersAsTheFirstAndRefundsOnce() {
		Market market = ComplaintFixtures.market(scenario);
		User buyer = scenario.user();
		String orderId = ComplaintFixtures.receivedOrder(scenario, market, buyer, null);
		String complaint = ComplaintFixtures.openComplaint(api, buyer, orderId);
		String operator = scenario.operatorToken();
		String path = "/api/v1/ops/complaints/" + complaint + "/decision";
		Map<String, Object> body = Api.map("outcome", "PARTIAL_REFUND", "refundAmount", 1_000, "reason", "Dented tin.");
		Map<String, String> key = Map.of("Idempotency-Key", "decision-" + UUID.randomUUID());

		var first = api.post(path, operator, body, key);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		var again = api.post(path, operator, body, key);
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().get("decision")).isEqualTo(first.json().get("decision"));

		var other = api.post(path, operator,
				Api.map("outcome", "PARTIAL_REFUND", "refundAmount", 2_000, "reason", "Dented tin."), key);
		ApiAssertions.assertProblem(other, 409, "idempotency-key-reused");
		var noKey = api.post(path, operator, body);
		ApiAssertions.assertProblem(noKey, 409, "already-decided");
		var otherKey = api.post(path, operator, body, Map.of("Idempotency-Key", "decision-" + UUID.randomUUID()));
		ApiAssertions.assertProblem(otherKey, 409, "already-decided");

		long refunds = jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE kind = 'PARTIAL_REFUND' AND reference LIKE ?")
			.param(orderId + ":%")
			.query(Long.class)
			.single();
		assertThat(refunds).as("one partial refund booked").isEqualTo(1);
	}

}

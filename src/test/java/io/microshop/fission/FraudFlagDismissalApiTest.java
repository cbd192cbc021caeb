package io.microshop.fission;

import static io.microshop.api.ApiAssertions.assertInvalidField;
import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.fission.FraudFixtures.place;
import static io.microshop.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** POST /api/v1/ops/fraud-flags/{id}/dismissal and the status filter of the list, one test per status. */
class FraudFlagDismissalApiTest extends AppTest {

	@Test
	void anOperatorDismissesAnOpenFlagWithAReasonOnceAndItIsAudited() {
		String flagId = burstFlag();
		String operator = scenario.operatorToken();

		var dismissed = api.post("/api/v1/ops/fraud-flags/" + flagId + "/dismissal", operator,
				Api.map("reason", "  Office orders for a team, checked by phone  "));

		assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
		assertThat(dismissed.text("id")).isEqualTo(flagId);
		assertThat(dismissed.text("status")).isEqualTo("DISMISSED");
		assertThat(dismissed.text("kind")).isEqualTo("BURST");
		assertThat(dismissed.text("dismissReason")).isEqualTo("Office orders for a team, checked by phone");
		assertThat(dismissed.text("orderId")).isNotBlank();
		assertThat(dismissed.text("shopId")).isNotBlank();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_log WHERE action = 'fraud-flag.dismiss' AND subject_kind = 'fraud-flag'
				AND subject_id = ? AND reason = 'Office orders for a team, checked by phone' AND detail = 'BURST'""")
			.param(flagId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(ids(api.get("/api/v1/ops/fraud-flags?status=DISMISSED&size=100", operator))).contains(flagId);
		assertThat(ids(api.get("/api/v1/ops/fraud-flags?status=OPEN&size=100", operator))).doesNotContain(flagId);

		var again = api.post("/api/v1/ops/fraud-flags/" + flagId + "/dismissal", operator, Api.map("reason", "again"));
		assertProblem(again, 409, "already-decided");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE subject_id = ?").param(flagId).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aBlankOrMissingReasonIs422AndChangesNothing() {
		String flagId = burstFlag();
		String operator = scenario.operatorToken();

		assertInvalidField(api.post("/api/v1/ops/fraud-flags/" + flagId + "/dismissal", operator,
				Api.map("reason", "  ")), 422, "reason");
		assertInvalidField(api.post("/api/v1/ops/fraud-flags/" + flagId + "/dismissal", operator, Api.map()), 422,
				"reason");
		assertInvalidField(api.post("/api/v1/ops/fraud-flags/" + flagId + "/dismissal", operator,
				Api.map("reason", "x".repeat(1001))), 422, "reason");

		assertThat(status(flagId)).isEqualTo("OPEN");
	}

	@Test
	void anUnknownFlagIs404() {
		var unknown = api.post("/api/v1/ops/fraud-flags/" + UUID.randomUUID() + "/dismissal", scenario.operatorToken(),
				Api.map("reason", "no such flag"));
		assertProblem(unknown, 404, "not-found");
		var notAnId = api.post("/api/v1/ops/fraud-flags/not-an-id/dismissal", scenario.operatorToken(),
				Api.map("reason", "no such flag"));
		assertThat(notAnId.status()).as(notAnId.toString()).isIn(400, 404);
		assertThat(notAnId.contentType()).startsWith("application/problem+json");
	}

	@Test
	void onlyOperatorsDismiss403And401() {
		String flagId = burstFlag();
		User someone = scenario.user();

		var forbidden = api.post("/api/v1/ops/fraud-flags/" + flagId + "/dismissal", someone.token(),
				Api.map("reason", "mine"));
		var anonymous = api.post("/api/v1/ops/fraud-flags/" + flagId + "/dismissal", null, Api.map("reason", "mine"));

		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(status(flagId)).isEqualTo("OPEN");
	}

	@Test
	void theListKeepsItsFieldsAndFiltersByStatus() {
		String flagId = burstFlag();
		String operator = scenario.operatorToken();

		var open = api.get("/api/v1/ops/fraud-flags?status=OPEN&size=100", operator);

		assertThat(open.status()).isEqualTo(200);
		JsonNode item = null;
		for (JsonNode i : open.json().get("items")) {
			assertThat(i.get("status").asString()).isEqualTo("OPEN");
			if (flagId.equals(i.get("id").asString())) {
				item = i;
			}
		}
		assertThat(item).isNotNull();
		for (String field : List.of("id", "shopId", "orderId", "kind", "detail", "at", "status")) {
			assertThat(item.get(field).asString()).as(field).isNotBlank();
		}
		assertInvalidField(api.get("/api/v1/ops/fraud-flags?status=MAYBE", operator), 422, "status");
	}

	/** A buyer's three orders within an hour: three BURST flags; the id of the last order's flag. */
	private String burstFlag() {
		Market market = scenario.market(1_000, 1_500, 2_000, 10, 0);
		User buyer = scenario.user();
		String address = "5 Canal Road " + UUID.randomUUID();
		place(api, scenario, buyer, market, null, address, null);
		place(api, scenario, buyer, market, null, address, null);
		Api.Response third = place(api, scenario, buyer, market, null, address, null);
		eventually(() -> assertThat(FraudFixtures.kindsOf(jdbc, third.id())).containsExactly("BURST"));
		return jdbc.sql("SELECT id::text FROM fraud_flags WHERE order_id = ?")
			.param(UUID.fromString(third.id()))
			.query(String.class)
			.single();
	}

	private String status(String flagId) {
		return jdbc.sql("SELECT status FROM fraud_flags WHERE id = ?::uuid").param(flagId).query(String.class).single();
	}

	private static List<String> ids(Api.Response page) {
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		page.json().get("items").forEach(i -> ids.add(i.get("id").asString()));
		return ids;
	}

}

package io.microshop.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.microshop.support.Api;
import io.microshop.support.MutableClock;
import io.microshop.support.Scenario;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;

/** Verifications and settled money for the trust tests, through the public API. */
final class TrustFixtures {

	private final Api api;

	private final Scenario scenario;

	private final MutableClock clock;

	TrustFixtures(Api api, Scenario scenario, MutableClock clock) {
		this.api = api;
		this.scenario = scenario;
		this.clock = clock;
	}

	/** Submits a verification for the subject and returns its id. */
	String submit(User owner, String subject, String subjectId, String legalName) {
		var created = api.post("/api/v1/verifications", owner.token(), Api.map("subject", subject, "subjectId", subjectId,
				"legalName", legalName, "idNumber", "11010119900307123X"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	/** Submitted and approved by the operator: the subject is verified. */
	void verify(User owner, String subject, String subjectId) {
		String id = submit(owner, subject, subjectId, "Li Lei");
		var decided = api.post("/api/v1/ops/verifications/" + id + "/decision", scenario.operatorToken(),
				Api.map("approve", true, "reason", "documents match"));
		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
	}

	/** One order of the market paid, shipped, received and settled: its parts become available. */
	void settledOrder(Market market, int quantity) {
		User buyer = scenario.user();
		String orderId = scenario.paidOrder(buyer, market, quantity).id();
		scenario.ship(market, orderId);
		scenario.receive(buyer, orderId);
		clock.advance(Duration.ofDays(8));
		scenario.awaitStatus(buyer, orderId, "SETTLED");
	}

}

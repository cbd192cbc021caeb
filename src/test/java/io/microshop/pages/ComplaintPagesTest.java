package io.microshop.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The complaint pages: the buyer complains from the order page, the seller answers, an operator decides. */
class ComplaintPagesTest extends AppTest {

	@Test
	void aBuyerComplainsTheSellerAnswersAndAnOperatorGivesAPartialRefundInYuan() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.paidOrder(buyer, market, 1);
		scenario.ship(market, order.id());
		WebClient buyerPages = WebClient.signedIn(baseUrl(), jdbc, buyer.phone());

		assertThat(buyerPages.get("/o/" + order.id()).body()).contains("id=\"complain\"",
				"/complaints/new?order=" + order.id());
		String form = "/complaints/new?order=" + order.id();
		assertThat(buyerPages.get(form).body()).contains("name=\"reason\"", "name=\"text\"", "48 hours");
		WebClient.Page sent = buyerPages.post("/complaints", form,
				Map.of("order", order.id(), "reason", "DAMAGED", "text", "The tin is dented."));
		assertThat(sent.status()).as(sent.body()).isEqualTo(302);
		assertThat(sent.location()).contains("/complaints/");
		String thread = sent.location().substring(sent.location().indexOf("/complaints/"));
		String id = thread.substring("/complaints/".length());
		assertThat(buyerPages.get(thread).body()).contains("The tin is dented.", "within 48 hours", "answer-due");
		assertThat(buyerPages.get("/o/" + order.id()).body()).doesNotContain("id=\"complain\"");

		WebClient seller = WebClient.signedIn(baseUrl(), jdbc, market.seller().phone());
		WebClient.Page answered = seller.post(thread + "/messages", thread, Map.of("text", "We send a new tin."));
		assertThat(answered.status()).isEqualTo(302);
		assertThat(seller.get(thread).body()).contains("We send a new tin.", "The seller has answered.");
		assertThat(seller.get("/my/complaints").body()).contains(thread);

		WebClient operator = WebClient.signedIn(baseUrl(), jdbc, OPERATOR_PHONE);
		assertThat(operator.get("/ops").body()).contains("/ops/complaints");
		String queue = operator.get("/ops/complaints").body();
		assertThat(queue).contains("id=\"outcome-partial-" + id + "\"", "id=\"refund-amount-" + id + "\"",
				"id=\"decision-reason-" + id + "\"", "id=\"decide-" + id + "\"");
		WebClient.Page decided = operator.post("/ops/complaints/" + id + "/decision", "/ops/complaints",
				Map.of("outcome", "PARTIAL_REFUND", "refundAmount", "10.00", "reason", "Dented, still usable."));
		assertThat(decided.status()).isEqualTo(302);

		JsonNode complaint = api.get("/api/v1/complaints/" + id, buyer.token()).json();
		assertThat(complaint.get("status").asString()).isEqualTo("DECIDED");
		assertThat(complaint.get("decision").get("refundAmount").asLong()).isEqualTo(1_000);
		assertThat(buyerPages.get(thread).body()).contains("Partial refund", "¥10.00", "Dented, still usable.");
	}

	@Test
	void aBadDecisionShowsTheProblemAndChangesNothing() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User buyer = scenario.user();
		var order = scenario.paidOrder(buyer, market, 1);
		scenario.ship(market, order.id());
		String id = api.post("/api/v1/orders/" + order.id() + "/complaints", buyer.token(),
				Api.map("reason", "OTHER", "text", "Late")).id();
		WebClient operator = WebClient.signedIn(baseUrl(), jdbc, OPERATOR_PHONE);

		WebClient.Page refused = operator.post("/ops/complaints/" + id + "/decision", "/ops/complaints",
				Map.of("outcome", "PARTIAL_REFUND", "refundAmount", "9999", "reason", "Too much"));

		assertThat(refused.status()).isEqualTo(302);
		assertThat(operator.get("/ops/complaints").body()).contains("class=\"error\"");
		assertThat(api.get("/api/v1/complaints/" + id, buyer.token()).text("status")).isEqualTo("OPEN");
	}

}

package io.microshop.trust;

import static io.microshop.api.ApiAssertions.assertInvalidField;
import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.support.TestFiles.png;
import static io.microshop.trust.ComplaintFixtures.complain;
import static io.microshop.trust.ComplaintFixtures.decide;
import static io.microshop.trust.ComplaintFixtures.market;
import static io.microshop.trust.ComplaintFixtures.openComplaint;
import static io.microshop.trust.ComplaintFixtures.paidOrder;
import static io.microshop.trust.ComplaintFixtures.receivedOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** POST /api/v1/orders/{orderId}/complaints, one test per status, and the complaint's thread. */
class ComplaintsApiTest extends AppTest {

	@Test
	void theBuyerComplainsAboutAReceivedOrder201AndItsSettlementIsHeld() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);

		var created = complain(api, buyer, orderId);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("id").asString()).isNotBlank();
		assertThat(body.get("status").asString()).isEqualTo("OPEN");
		assertThat(body.get("orderId").asString()).isEqualTo(orderId);
		assertThat(body.get("reason").asString()).isEqualTo("DAMAGED");
		assertThat(body.get("text").asString()).startsWith("The tin arrived crushed");
		Instant createdAt = Instant.parse(body.get("createdAt").asString());
		assertThat(Instant.parse(body.get("answerDueAt").asString())).isEqualTo(createdAt.plus(Duration.ofHours(48)));
		assertThat(jdbc.sql("SELECT settlement_held FROM orders WHERE id = ?")
			.param(UUID.fromString(orderId))
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aShippedOrderCanBeComplainedAbout201() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = paidOrder(scenario, market, buyer, 1, null).id();
		scenario.ship(market, orderId);

		var created = api.post("/api/v1/orders/" + orderId + "/complaints", buyer.token(),
				Api.map("reason", "Never arrived, tracking stuck", "text", "Nothing for a week."));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.text("reason")).isEqualTo("Never arrived, tracking stuck");
	}

	@Test
	void aPaidOrderNotShippedIsOutsideTheProtectionWindow422() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = paidOrder(scenario, market, buyer, 1, null).id();

		assertProblem(complain(api, buyer, orderId), 422, "outside-protection-window");
		assertThat(jdbc.sql("SELECT settlement_held FROM orders WHERE id = ?")
			.param(UUID.fromString(orderId))
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void anUnpaidOrderIsOutsideTheProtectionWindow422() {
		Market market = market(scenario);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);

		assertProblem(complain(api, buyer, order.id()), 422, "outside-protection-window");
	}

	@Test
	void afterTheProtectionWindowTheOrderSettlesAndComplaintsAre422() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		scenario.awaitStatus(buyer, orderId, "SETTLED");

		assertProblem(complain(api, buyer, orderId), 422, "outside-protection-window");
		assertThat(jdbc.sql("SELECT count(*) FROM complaints WHERE order_id = ?")
			.param(UUID.fromString(orderId))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void blankOrOversizeFieldsAre422WithFieldErrors() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);

		assertInvalidField(api.post("/api/v1/orders/" + orderId + "/complaints", buyer.token(),
				Api.map("reason", " ", "text", "Broken")), 422, "reason");
		assertInvalidField(api.post("/api/v1/orders/" + orderId + "/complaints", buyer.token(),
				Api.map("reason", "x".repeat(101), "text", "Broken")), 422, "reason");
		assertInvalidField(api.post("/api/v1/orders/" + orderId + "/complaints", buyer.token(),
				Api.map("reason", "DAMAGED", "text", "x".repeat(2001))), 422, "text");
		assertInvalidField(api.post("/api/v1/orders/" + orderId + "/complaints", buyer.token(), Api.map()), 422,
				"text");
		assertThat(jdbc.sql("SELECT settlement_held FROM orders WHERE id = ?")
			.param(UUID.fromString(orderId))
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void aStrangerGets404AndAnUnknownOrderToo() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);

		assertProblem(complain(api, scenario.user(), orderId), 404, "not-found");
		assertProblem(complain(api, buyer, UUID.randomUUID().toString()), 404, "not-found");
	}

	@Test
	void theSellerAndTheSupplierGet403() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);

		assertProblem(complain(api, market.seller(), orderId), 403, "forbidden");
		assertProblem(complain(api, market.supplier(), orderId), 403, "forbidden");
	}

	@Test
	void aSecondOpenComplaintIs409ButAfterADecisionTheBuyerMayComplainAgain() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);
		String first = openComplaint(api, buyer, orderId);

		assertProblem(complain(api, buyer, orderId), 409, "complaint-open");

		var rejected = decide(api, scenario.operatorToken(), first,
				Api.map("outcome", "REJECT", "reason", "The photos show an intact tin."));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
		assertThat(complain(api, buyer, orderId).status()).isEqualTo(201);
	}

	@Test
	void withoutATokenIs401() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);

		assertProblem(api.post("/api/v1/orders/" + orderId + "/complaints", null,
				Api.map("reason", "DAMAGED", "text", "Broken")), 401, "unauthorized");
	}

	@Test
	void buyerSellerAndOperatorWriteInTheThreadOthersSeeNothingAndADecisionClosesIt() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);
		String id = openComplaint(api, buyer, orderId);
		String operator = scenario.operatorToken();

		var sellerSays = api.post("/api/v1/complaints/" + id + "/messages", market.seller().token(),
				Api.map("text", "Sorry! We send a new tin today."));
		assertThat(sellerSays.status()).as(sellerSays.toString()).isEqualTo(201);
		assertThat(sellerSays.text("role")).isEqualTo("SELLER");
		assertThat(api.post("/api/v1/complaints/" + id + "/messages", buyer.token(), Api.map("text", "Thanks"))
			.text("role")).isEqualTo("BUYER");
		assertThat(api.post("/api/v1/complaints/" + id + "/messages", operator, Api.map("text", "Noted"))
			.text("role")).isEqualTo("OPERATOR");
		assertInvalidField(api.post("/api/v1/complaints/" + id + "/messages", buyer.token(), Api.map("text", "")),
				422, "text");
		assertProblem(api.post("/api/v1/complaints/" + id + "/messages", market.supplier().token(),
				Api.map("text", "Me too")), 404, "not-found");

		var seen = api.get("/api/v1/complaints/" + id, market.seller().token());
		assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
		assertThat(seen.json().get("messages")).hasSize(3);
		assertThat(seen.json().get("answered").asBoolean()).isTrue();
		assertThat(seen.json().has("decision")).isFalse();
		assertThat(api.get("/api/v1/complaints/" + id, buyer.token()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/complaints/" + id, operator).status()).isEqualTo(200);
		assertProblem(api.get("/api/v1/complaints/" + id, scenario.user().token()), 404, "not-found");
		assertProblem(api.get("/api/v1/complaints/" + id, null), 401, "unauthorized");

		decide(api, operator, id, Api.map("outcome", "REJECT", "reason", "A new tin was sent."));
		assertProblem(api.post("/api/v1/complaints/" + id + "/messages", buyer.token(), Api.map("text", "Hello?")),
				409, "already-decided");
		JsonNode decided = api.get("/api/v1/complaints/" + id, buyer.token()).json();
		assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
		assertThat(decided.get("decision").get("outcome").asString()).isEqualTo("REJECT");
		assertThat(decided.get("decision").get("reason").asString()).isEqualTo("A new tin was sent.");
	}

	@Test
	void theBuyerAddsUpToSixImagesOthersMaySeeThemAndNonImagesAre415() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);
		String id = openComplaint(api, buyer, orderId);
		String path = "/api/v1/complaints/" + id + "/photos";

		var added = api.upload(path, buyer.token(), "file", "tin.png", "image/png", png());
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		String url = added.text("url");
		assertThat(url).isEqualTo(path + "/" + added.id());
		var bytes = api.downloadBytes(url, market.seller().token());
		assertThat(bytes.statusCode()).isEqualTo(200);
		assertThat(bytes.body()).isEqualTo(png());
		assertThat(bytes.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(api.downloadBytes(url, scenario.user().token()).statusCode()).isEqualTo(404);

		byte[] executable = "MZ\u0090\u0000 this is not an image at all".getBytes();
		assertProblem(api.upload(path, buyer.token(), "file", "tin.png", "image/png", executable), 415,
				"unsupported-file");
		assertProblem(api.upload(path, market.seller().token(), "file", "tin.png", "image/png", png()), 403,
				"forbidden");
		for (int i = 1; i < Complaints.MAX_PHOTOS; i++) {
			assertThat(api.upload(path, buyer.token(), "file", "tin.png", "image/png", png()).status()).isEqualTo(201);
		}
		assertProblem(api.upload(path, buyer.token(), "file", "tin.png", "image/png", png()), 422, "too-many-photos");
		assertThat(api.get("/api/v1/complaints/" + id, buyer.token()).json().get("photos")).hasSize(6);
	}

}

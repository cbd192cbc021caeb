package io.microshop.trust;

import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.assertUnauthorized;
import static io.microshop.api.ApiAssertions.unknownId;
import static org.assertj.core.api.Assertions.assertThat;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** POST /api/v1/verifications, its documents and the operators' review. */
class VerificationsApiTest extends AppTest {

	private TrustFixtures trust;

	@BeforeEach
	void fixtures() {
		trust = new TrustFixtures(api, scenario, clock);
	}

	@Test
	void aSellerSubmitsAndTheOperatorApprovesSoTheShopIsVerified() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);

		var submitted = api.post("/api/v1/verifications", market.seller().token(),
				Api.map("subject", "shop", "subjectId", market.shop().id(), "legalName", "Li Lei", "idNumber",
						"11010119900307123X"));

		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		assertThat(submitted.text("status")).isEqualTo("PENDING");
		assertThat(submitted.text("idNumber")).isEqualTo("**************123X");
		assertThat(verified(market)).isFalse();

		String operator = scenario.operatorToken();
		JsonNode queue = api.get("/api/v1/ops/verifications?status=PENDING&size=100", operator).json();
		assertThat(queue.get("items").findValuesAsString("id")).contains(submitted.id());
		var decided = api.post("/api/v1/ops/verifications/" + submitted.id() + "/decision", operator,
				Api.map("approve", true, "reason", "ID card matches"));

		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
		assertThat(decided.text("status")).isEqualTo("APPROVED");
		assertThat(verified(market)).isTrue();
		assertThat(jdbc.sql("SELECT action FROM audit_log WHERE subject_kind = 'verification' AND subject_id = ?")
			.param(submitted.id())
			.query(String.class)
			.list()).containsExactly("verification.approve");
	}

	@Test
	void aRejectionNeedsAReasonAndIsFinal() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		String id = trust.submit(market.seller(), "shop", market.shop().id(), "Li Lei");
		String operator = scenario.operatorToken();
		String decision = "/api/v1/ops/verifications/" + id + "/decision";

		assertProblem(api.post(decision, operator, Api.map("approve", false)), 422, "invalid-request");
		assertProblem(api.post(decision, operator, Api.map("reason", "no flag")), 400, "invalid-request");
		var rejected = api.post(decision, operator, Api.map("approve", false, "reason", "the photo is unreadable"));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
		assertThat(rejected.text("status")).isEqualTo("REJECTED");

		assertProblem(api.post(decision, operator, Api.map("approve", true, "reason", "changed my mind")), 409,
				"already-decided");
		assertThat(verified(market)).isFalse();
		assertThat(api.get("/api/v1/verifications/" + id, market.seller().token()).text("reason"))
			.isEqualTo("the photo is unreadable");
	}

	@Test
	void submissionsAreCheckedAndOnlyOneWaitsAtATime() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User stranger = scenario.user();
		var body = Api.map("subject", "shop", "subjectId", market.shop().id(), "legalName", "Li Lei", "idNumber",
				"11010119900307123X");

		assertUnauthorized(api.post("/api/v1/verifications", null, body));
		assertProblem(api.post("/api/v1/verifications", stranger.token(), body), 403, "forbidden");
		assertProblem(api.post("/api/v1/verifications", market.seller().token(),
				Api.map("subject", "shop", "subjectId", unknownId(), "legalName", "Li Lei", "idNumber", "1101011990")),
				422, "invalid-request");
		assertProblem(api.post("/api/v1/verifications", market.seller().token(),
				Api.map("subject", "planet", "subjectId", market.shop().id(), "legalName", "Li Lei", "idNumber",
						"1101011990")),
				400, "invalid-request");
		assertProblem(api.post("/api/v1/verifications", market.seller().token(),
				Api.map("subject", "shop", "subjectId", market.shop().id(), "idNumber", "1101011990")), 400,
				"invalid-request");
		assertThat(api.post("/api/v1/verifications", market.seller().token(), body).status()).isEqualTo(201);
		assertProblem(api.post("/api/v1/verifications", market.seller().token(), body), 409, "verification-pending");
	}

	@Test
	void aSupplierIsVerifiedToo() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);

		trust.verify(market.supplier(), "supplier", market.product().supplierId());

		assertThat(jdbc.sql("SELECT verified FROM suppliers WHERE id = ?::uuid")
			.param(market.product().supplierId())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aNewLegalNameNeedsANewReview() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		trust.verify(market.seller(), "shop", market.shop().id());

		String sameName = trust.submit(market.seller(), "shop", market.shop().id(), "li  lei");
		assertThat(verified(market)).as("the same legal person keeps the badge").isTrue();
		api.post("/api/v1/ops/verifications/" + sameName + "/decision", scenario.operatorToken(),
				Api.map("approve", true, "reason", "renewal"));

		String renamed = trust.submit(market.seller(), "shop", market.shop().id(), "Han Meimei Trading Ltd");
		assertThat(verified(market)).as("the badge vouched for the old name").isFalse();
		api.post("/api/v1/ops/verifications/" + renamed + "/decision", scenario.operatorToken(),
				Api.map("approve", true, "reason", "licence matches"));
		assertThat(verified(market)).isTrue();
	}

	@Test
	void documentsAreImagesOrPdfsByContentAndWithinTheSizeLimit() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		String id = trust.submit(market.seller(), "shop", market.shop().id(), "Li Lei");
		String documents = "/api/v1/verifications/" + id + "/documents";
		String token = market.seller().token();

		var png = api.upload(documents, token, "file", "id-front.png", "image/png", TestFiles.png());
		var pdf = api.upload(documents, token, "file", "licence.pdf", "application/pdf", TestFiles.pdf());
		assertThat(png.status()).as(png.toString()).isEqualTo(201);
		assertThat(png.text("contentType")).isEqualTo("image/png");
		assertThat(pdf.status()).as(pdf.toString()).isEqualTo(201);
		assertThat(pdf.text("contentType")).isEqualTo("application/pdf");

		assertProblem(api.upload(documents, token, "file", "id-back.png", "image/png", TestFiles.executable()),
				415, "unsupported-file");
		assertProblem(api.upload(documents, token, "file", "text.pdf", "application/pdf",
				"just some text pretending".getBytes()), 415, "unsupported-file");
		byte[] huge = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(TestFiles.pdf(), 0, huge, 0, TestFiles.pdf().length);
		assertProblem(api.upload(documents, token, "file", "scan.pdf", "application/pdf", huge), 413, "file-too-large");
		var tooBigForTheServer = api.upload(documents, token, "file", "scan.pdf", "application/pdf",
				new byte[7 * 1024 * 1024]);
		assertThat(tooBigForTheServer.status()).as(tooBigForTheServer.toString()).isEqualTo(413);
		assertProblem(api.upload(documents, scenario.user().token(), "file", "id.png", "image/png",
				TestFiles.png()), 404, "not-found");
		assertProblem(api.upload(documents, token, "wrong", "id.png", "image/png", TestFiles.png()), 422,
				"invalid-request");

		JsonNode stored = api.get("/api/v1/verifications/" + id, token).json().get("documents");
		assertThat(stored).hasSize(2);
		var served = api.get(stored.get(0).get("url").asString(), scenario.operatorToken());
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.contentType()).startsWith("image/png");
		assertThat(api.get(stored.get(0).get("url").asString(), scenario.user().token()).status()).isEqualTo(404);

		api.post("/api/v1/ops/verifications/" + id + "/decision", scenario.operatorToken(),
				Api.map("approve", true, "reason", "ok"));
		assertProblem(api.upload(documents, token, "file", "late.png", "image/png", TestFiles.png()), 409,
				"already-decided");
	}

	@Test
	void theReviewIsForOperatorsOnly() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		String id = trust.submit(market.seller(), "shop", market.shop().id(), "Li Lei");
		String decision = "/api/v1/ops/verifications/" + id + "/decision";
		var approve = Api.map("approve", true, "reason", "self-service");

		assertProblem(api.post(decision, market.seller().token(), approve), 403, "forbidden");
		assertProblem(api.get("/api/v1/ops/verifications?status=PENDING", market.seller().token()), 403, "forbidden");
		assertUnauthorized(api.post(decision, null, approve));
		assertUnauthorized(api.get("/api/v1/ops/verifications", null));
		assertProblem(api.post("/api/v1/ops/verifications/" + unknownId() + "/decision", scenario.operatorToken(),
				approve), 404, "not-found");
		assertProblem(api.get("/api/v1/ops/verifications?status=MAYBE", scenario.operatorToken()), 422,
				"invalid-request");
		assertProblem(api.get("/api/v1/verifications/" + id, scenario.user().token()), 404, "not-found");
		assertThat(verified(market)).isFalse();
	}

	private boolean verified(Market market) {
		JsonNode shop = api.get("/api/v1/shops/by-slug/" + market.shop().slug(), null).json();
		return shop.get("verified").asBoolean();
	}

}

package io.microshop.fission;

import static io.microshop.api.ApiAssertions.assertInvalidField;
import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.fission.ShareFixtures.share;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * POST /api/v1/shares, GET /api/v1/shares/{code}/stats and GET /api/v1/shops/{shopId}/fission:
 * every status each one answers.
 */
class SharesApiTest extends AppTest {

	@Test
	void aSignedInAccountSharesAListingAndGetsAShortCode201() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User fan = scenario.user();

		var created = api.post("/api/v1/shares", fan.token(), Api.map("listingId", market.listingId()));
		var wechat = api.post("/api/v1/shares", fan.token(),
				Api.map("listingId", market.listingId(), "channel", "wechat"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String code = created.text("code");
		assertThat(code).matches("[0-9A-Za-z]{8,10}");
		assertThat(created.text("url")).isEqualTo("/r/" + code);
		assertThat(created.text("channel")).isEqualTo("link");
		assertThat(wechat.status()).isEqualTo(201);
		assertThat(wechat.text("channel")).isEqualTo("wechat");
		assertThat(wechat.text("code")).isNotEqualTo(code);
		var row = jdbc.sql("SELECT shop_id, listing_id, sharer_account_id, channel FROM share_links WHERE code = ?")
			.param(code)
			.query((rs, n) -> new Object[] { rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getString(4) })
			.single();
		assertThat(row).containsExactly(UUID.fromString(market.shop().id()), UUID.fromString(market.listingId()),
				UUID.fromString(fan.id()), "link");
	}

	@Test
	void anUnknownChannelIs400NamingTheChannel() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User fan = scenario.user();

		assertInvalidField(api.post("/api/v1/shares", fan.token(),
				Api.map("listingId", market.listingId(), "channel", "myspace")), 400, "channel");
		assertInvalidField(api.post("/api/v1/shares", fan.token(),
				Api.map("listingId", market.listingId(), "channel", "WeChat")), 400, "channel");
		assertInvalidField(api.post("/api/v1/shares", fan.token(), Api.map("channel", "link")), 400, "listingId");
		assertThat(jdbc.sql("SELECT count(*) FROM share_links WHERE sharer_account_id = ?")
			.param(UUID.fromString(fan.id())).query(Long.class).single()).isZero();
	}

	@Test
	void anUnknownListingOrGroupIs422() {
		User fan = scenario.user();

		assertInvalidField(api.post("/api/v1/shares", fan.token(), Api.map("listingId", UUID.randomUUID().toString())),
				422, "listingId");
		assertInvalidField(api.post("/api/v1/shares", fan.token(), Api.map("groupId", UUID.randomUUID().toString())),
				422, "groupId");
	}

	@Test
	void sharingAnonymouslyIs401() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);

		assertProblem(api.post("/api/v1/shares", null, Api.map("listingId", market.listingId())), 401, "unauthorized");
	}

	@Test
	void linkStatsAre200ForTheSharerAndTheSeller404ForOthersAnd401Anonymously() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		User fan = scenario.user();
		String code = share(api, fan, market.listingId(), "weibo");

		var bySharer = api.get("/api/v1/shares/" + code + "/stats", fan.token());
		var bySeller = api.get("/api/v1/shares/" + code + "/stats", market.seller().token());

		for (var stats : java.util.List.of(bySharer, bySeller)) {
			assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
			assertThat(stats.text("code")).isEqualTo(code);
			assertThat(stats.text("channel")).isEqualTo("weibo");
			for (String zero : java.util.List.of("visits", "uniqueVisitors", "orders", "paidOrders", "sales")) {
				assertThat(stats.json().get(zero).asLong()).as(zero).isZero();
			}
			assertThat(stats.text("currency")).isEqualTo("CNY");
		}
		// a stranger cannot tell a foreign code from an unknown one
		assertProblem(api.get("/api/v1/shares/" + code + "/stats", scenario.user().token()), 404, "not-found");
		assertProblem(api.get("/api/v1/shares/" + code + "/stats", market.supplier().token()), 404, "not-found");
		assertProblem(api.get("/api/v1/shares/Zz9Zz9Zz9Z/stats", fan.token()), 404, "not-found");
		assertProblem(api.get("/api/v1/shares/not-a-code!/stats", fan.token()), 404, "not-found");
		assertProblem(api.get("/api/v1/shares/" + code + "/stats", null), 401, "unauthorized");
	}

	@Test
	void shopFissionIs200ForItsSeller403ForAnother404UnknownAnd401Anonymously() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		String path = "/api/v1/shops/" + market.shop().id() + "/fission";

		var fission = api.get(path, market.seller().token());

		assertThat(fission.status()).as(fission.toString()).isEqualTo(200);
		JsonNode body = fission.json();
		assertThat(body.get("visits").asLong()).isZero();
		assertThat(body.get("sales").asLong()).isZero();
		assertThat(body.get("viralCoefficient").asDouble()).isZero();
		assertThat(body.get("currency").asString()).isEqualTo("CNY");
		assertThat(body.get("byChannel").propertyNames()).containsExactly("wechat", "weibo", "facebook", "pinterest",
				"momo", "link");
		assertThat(body.get("byChannel").get("momo").get("uniqueVisitors").asLong()).isZero();

		User otherSeller = scenario.user();
		scenario.shop(otherSeller);
		assertProblem(api.get(path, otherSeller.token()), 403, "forbidden");
		assertProblem(api.get("/api/v1/shops/" + UUID.randomUUID() + "/fission", market.seller().token()), 404,
				"not-found");
		assertProblem(api.get("/api/v1/shops/not-a-uuid/fission", market.seller().token()), 404, "not-found");
		assertProblem(api.get(path, null), 401, "unauthorized");
	}

}

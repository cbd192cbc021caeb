package io.microshop.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Following shops, their updates, the daily cap and the feed: every status of the endpoints. */
class ShopUpdatesApiTest extends AppTest {

	private static final String UNKNOWN_SHOP = "00000000-0000-0000-0000-000000000000";

	@Test
	void followRepeatMuteAndUnfollow() {
		Scenario.Shop shop = scenario.shop(scenario.user());
		Scenario.User fan = scenario.user();
		String followers = "/api/v1/shops/" + shop.id() + "/followers";

		var followed = api.post(followers, fan.token(), null);
		assertThat(followed.status()).as(followed.toString()).isEqualTo(201);
		assertThat(followed.json().get("following").asBoolean()).isTrue();
		assertThat(api.post(followers, fan.token(), null).status()).isEqualTo(200);
		assertThat(api.post(followers, null, null).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/shops/" + UNKNOWN_SHOP + "/followers", fan.token(), null).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/shops/not-an-id/followers", fan.token(), null).status()).isEqualTo(404);

		var muted = api.send("PUT", followers + "/me", fan.token(), Api.map("muted", true), java.util.Map.of());
		assertThat(muted.status()).as(muted.toString()).isEqualTo(200);
		assertThat(muted.json().get("muted").asBoolean()).isTrue();
		// following again keeps the muting
		assertThat(api.post(followers, fan.token(), null).json().get("muted").asBoolean()).isTrue();
		var noFlag = api.send("PUT", followers + "/me", fan.token(), Api.map(), java.util.Map.of());
		assertThat(noFlag.status()).as(noFlag.toString()).isEqualTo(400);
		assertThat(noFlag.json().get("errors").has("muted")).isTrue();
		var wrongType = api.send("PUT", followers + "/me", fan.token(), Api.map("muted", "loud"), java.util.Map.of());
		assertThat(wrongType.status()).isEqualTo(400);
		var stranger = api.send("PUT", followers + "/me", scenario.user().token(), Api.map("muted", true),
				java.util.Map.of());
		assertThat(stranger.status()).as(stranger.toString()).isEqualTo(404);
		assertThat(stranger.problemType()).endsWith("/not-following");

		assertThat(api.send("DELETE", followers + "/me", fan.token(), null, java.util.Map.of()).status()).isEqualTo(204);
		assertThat(api.send("DELETE", followers + "/me", fan.token(), null, java.util.Map.of()).status()).isEqualTo(204);
		assertThat(api.send("DELETE", "/api/v1/shops/" + UNKNOWN_SHOP + "/followers/me", fan.token(), null,
				java.util.Map.of()).status()).isEqualTo(404);
		assertThat(count("SELECT count(*) FROM followers WHERE shop_id = ?::uuid", shop.id())).isZero();
	}

	@Test
	void onlyTheSellerPostsAndOnlyFollowersRead() {
		Scenario.Shop shop = scenario.shop(scenario.user());
		Scenario.User fan = scenario.user();
		Scenario.User stranger = scenario.user();
		String updates = "/api/v1/shops/" + shop.id() + "/updates";
		api.post("/api/v1/shops/" + shop.id() + "/followers", fan.token(), null);

		var posted = api.post(updates, shop.owner().token(), Api.map("text", "  New oolong in stock  "));
		assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
		assertThat(posted.text("text")).isEqualTo("New oolong in stock");
		assertThat(posted.id()).isNotBlank();
		assertThat(Instant.parse(posted.text("createdAt"))).isNotNull();
		assertThat(posted.json().get("remainingToday").asInt()).isEqualTo(2);

		assertThat(api.post(updates, fan.token(), Api.map("text", "spam")).status()).isEqualTo(403);
		assertThat(api.post(updates, null, Api.map("text", "spam")).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/shops/" + UNKNOWN_SHOP + "/updates", fan.token(), Api.map("text", "x")).status())
			.isEqualTo(404);
		var blank = api.post(updates, shop.owner().token(), Api.map("text", "   "));
		assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
		assertThat(blank.json().get("errors").has("text")).isTrue();
		assertThat(api.post(updates, shop.owner().token(), Api.map("text", "x".repeat(501))).status()).isEqualTo(400);
		assertThat(api.post(updates, shop.owner().token(), Api.map()).status()).isEqualTo(400);
		assertThat(api.post(updates, shop.owner().token(), "{not json").status()).isEqualTo(400);
		assertThat(api.post(updates, shop.owner().token(), Api.map("text", "x".repeat(500))).status()).isEqualTo(201);

		var asFan = api.get(updates, fan.token());
		assertThat(asFan.status()).as(asFan.toString()).isEqualTo(200);
		assertThat(asFan.json().get("total").asLong()).isEqualTo(2);
		assertThat(asFan.json().get("items").get(1).get("text").asString()).isEqualTo("New oolong in stock");
		assertThat(api.get(updates, shop.owner().token()).status()).isEqualTo(200);
		var asStranger = api.get(updates, stranger.token());
		assertThat(asStranger.status()).as(asStranger.toString()).isEqualTo(403);
		assertThat(api.get(updates, null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/shops/" + UNKNOWN_SHOP + "/updates", fan.token()).status()).isEqualTo(404);

		var quota = api.get(updates + "/quota", shop.owner().token());
		assertThat(quota.status()).as(quota.toString()).isEqualTo(200);
		assertThat(quota.json().get("cap").asInt()).isEqualTo(3);
		assertThat(quota.json().get("usedToday").asInt()).isEqualTo(2);
		assertThat(quota.json().get("remainingToday").asInt()).isEqualTo(1);
		assertThat(api.get(updates + "/quota", fan.token()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/shops/" + UNKNOWN_SHOP + "/updates/quota", fan.token()).status()).isEqualTo(404);
	}

	@Test
	void theFourthUpdateOfTheDayIsRefusedUntilMidnightInChina() {
		Scenario.Shop shop = scenario.shop(scenario.user());
		String updates = "/api/v1/shops/" + shop.id() + "/updates";
		for (int i = 1; i <= 3; i++) {
			var posted = api.post(updates, shop.owner().token(), Api.map("text", "Update " + i));
			assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
			assertThat(posted.json().get("remainingToday").asInt()).isEqualTo(3 - i);
		}
		var refused = api.post(updates, shop.owner().token(), Api.map("text", "One too many"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.problemType()).isEqualTo("https://microshop.dev/problems/daily-cap-reached");
		long retryAfter = Long.parseLong(refused.headers().get("retry-after").get(0));
		Instant midnight = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")))
			.atStartOfDay(ZoneId.of("Asia/Shanghai"))
			.plusDays(1)
			.toInstant();
		assertThat(retryAfter).isBetween(1L, Duration.between(clock.instant(), midnight).getSeconds() + 5);
		assertThat(count("SELECT count(*) FROM shop_updates WHERE shop_id = ?::uuid", shop.id())).isEqualTo(3);
		assertThat(api.get(updates + "/quota", shop.owner().token()).json().get("remainingToday").asInt()).isZero();
	}

	@Test
	void theFeedShowsFollowedUnmutedShopsNewestFirst() {
		Scenario.Shop tea = scenario.shop(scenario.user());
		Scenario.Shop honey = scenario.shop(scenario.user());
		Scenario.Shop unfollowed = scenario.shop(scenario.user());
		Scenario.User fan = scenario.user();
		api.post("/api/v1/shops/" + tea.id() + "/followers", fan.token(), null);
		api.post("/api/v1/shops/" + honey.id() + "/followers", fan.token(), null);
		post(tea, "Tea one");
		post(unfollowed, "Not for this fan");
		post(honey, "Honey one");
		post(tea, "Tea two");

		JsonNode feed = api.get("/api/v1/me/feed?page=0&size=2", fan.token()).json();
		assertThat(feed.get("total").asLong()).isEqualTo(3);
		assertThat(feed.get("size").asInt()).isEqualTo(2);
		assertThat(feed.get("items").get(0).get("text").asString()).isEqualTo("Tea two");
		assertThat(feed.get("items").get(1).get("text").asString()).isEqualTo("Honey one");
		assertThat(api.get("/api/v1/me/feed?page=1&size=2", fan.token()).json().get("items").get(0).get("text")
			.asString()).isEqualTo("Tea one");

		api.send("PUT", "/api/v1/shops/" + tea.id() + "/followers/me", fan.token(), Api.map("muted", true),
				java.util.Map.of());
		JsonNode muted = api.get("/api/v1/me/feed", fan.token()).json();
		assertThat(muted.get("total").asLong()).isEqualTo(1);
		assertThat(muted.get("items").get(0).get("shopId").asString()).isEqualTo(honey.id());
		// a muted shop is still followed: its updates stay readable on its own list
		assertThat(api.get("/api/v1/shops/" + tea.id() + "/updates", fan.token()).status()).isEqualTo(200);

		assertThat(api.get("/api/v1/me/feed", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me/feed?page=x", fan.token()).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/me/following", fan.token()).json().size()).isEqualTo(2);
	}

	private void post(Scenario.Shop shop, String text) {
		var posted = api.post("/api/v1/shops/" + shop.id() + "/updates", shop.owner().token(), Api.map("text", text));
		assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
		Scenario.sleep(5);
	}

	private long count(String sql, String id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

}

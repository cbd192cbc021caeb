package io.microshop.fission;

import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.fission.FraudFixtures.kindsOf;
import static io.microshop.fission.ShareFixtures.orderThrough;
import static io.microshop.fission.ShareFixtures.share;
import static io.microshop.support.Eventually.eventually;
import static io.microshop.support.LedgerRows.postings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/me/commissions, and commissions end to end over HTTP: a promoter shares, a fan
 * buys through the link, pays, the order settles, and the money moves by the rule to the fen.
 */
class CommissionsApiTest extends AppTest {

	// supply 2_000, price 3_900, shipping 800: margin 1_900 per unit
	static final long SUPPLY = 2_000;

	static final long PRICE = 3_900;

	static final long SHIPPING = 800;

	@Test
	void anonymousIs401() {
		assertProblem(api.get("/api/v1/me/commissions", null), 401, "unauthorized");
	}

	@Test
	void anAccountWithoutCommissionsGetsZeros200() {
		var mine = api.get("/api/v1/me/commissions", scenario.user().token());

		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.json().get("pending").asLong()).isZero();
		assertThat(mine.json().get("available").asLong()).isZero();
		assertThat(mine.text("currency")).isEqualTo("CNY");
		assertThat(mine.json().get("items").size()).isZero();
	}

	@Test
	void aPromotersLinkEarnsLevel1AndTheRecruiterLevel2PendingThenAvailableAndTheSellerGetsTheRest() {
		Market market = scenario.market(SUPPLY, 3_000, PRICE, 10, SHIPPING);
		rates(market, 1_000, 500);
		User top = scenario.user();
		User promoter = scenario.user();
		User fan = scenario.user();
		String topCode = joinShop(top, market, null);
		joinShop(promoter, market, topCode);
		String code = share(api, promoter, market.listingId(), "wechat");

		Api.Response order = orderThrough(api, scenario, fan, market, code, 2);
		scenario.pay(fan, order);

		long level1 = 1_000 * 1_900 / 10_000 * 2; // 190 per unit
		long level2 = 500 * 1_900 / 10_000 * 2; // 95 per unit
		long goods = 2 * PRICE;
		long fee = goods * 200 / 10_000;
		long seller = goods - 2 * SUPPLY - fee - level1 - level2;
		JsonNode pending = mine(promoter);
		assertThat(pending.get("pending").asLong()).isEqualTo(level1);
		assertThat(pending.get("available").asLong()).isZero();
		assertThat(pending.get("items")).hasSize(1);
		JsonNode item = pending.get("items").get(0);
		assertThat(item.get("orderId").asString()).isEqualTo(order.id());
		assertThat(item.get("shopId").asString()).isEqualTo(market.shop().id());
		assertThat(item.get("level").asInt()).isEqualTo(1);
		assertThat(item.get("amount").asLong()).isEqualTo(level1);
		assertThat(item.get("status").asString()).isEqualTo("PENDING");
		JsonNode topPending = mine(top);
		assertThat(topPending.get("pending").asLong()).isEqualTo(level2);
		assertThat(topPending.get("items").get(0).get("level").asInt()).isEqualTo(2);
		assertThat(shopBalance(market).get("pending").asLong()).isEqualTo(seller);
		// rates changed after payment do not change the commissions of a paid order
		rates(market, 0, 0);

		scenario.ship(market, order.id());
		assertThat(scenario.receive(fan, order.id()).text("status")).isEqualTo("RECEIVED");
		clock.advance(Duration.ofDays(8));
		scenario.awaitStatus(fan, order.id(), "SETTLED");

		eventually(() -> {
			JsonNode settled = mine(promoter);
			assertThat(settled.get("items").get(0).get("status").asString()).isEqualTo("AVAILABLE");
		});
		JsonNode settled = mine(promoter);
		assertThat(settled.get("pending").asLong()).isZero();
		assertThat(settled.get("available").asLong()).isEqualTo(level1);
		assertThat(mine(top).get("available").asLong()).isEqualTo(level2);
		JsonNode shop = shopBalance(market);
		assertThat(shop.get("pending").asLong()).isZero();
		assertThat(shop.get("available").asLong()).isEqualTo(seller);
		Map<String, Long> parts = postings(jdbc, "SETTLEMENT", order.id());
		assertThat(parts.get("supplier:" + market.product().supplierId())).isEqualTo(2 * SUPPLY + SHIPPING);
		assertThat(parts.get("platform:fees")).isEqualTo(fee);
		assertThat(parts.get("shop:" + market.shop().id())).isEqualTo(seller);
		assertThat(parts.get("promoter:" + promoter.id())).isEqualTo(level1);
		assertThat(parts.get("promoter:" + top.id())).isEqualTo(level2);
		assertThat(2 * SUPPLY + SHIPPING + fee + seller + level1 + level2).isEqualTo(order.json().get("total").asLong());
		var trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
		assertThat(trial.get("balanced").asBoolean()).isTrue();
		assertThat(trial.get("sum").asLong()).isZero();
	}

	@Test
	void aCancelledPaidOrderCancelsTheCommissionAndTheMoneyGoesBack() {
		Market market = scenario.market(SUPPLY, 3_000, PRICE, 10, SHIPPING);
		rates(market, 2_000, 0);
		User promoter = scenario.user();
		User fan = scenario.user();
		joinShop(promoter, market, null);
		String code = share(api, promoter, market.listingId(), "link");
		Api.Response order = orderThrough(api, scenario, fan, market, code, 1);
		scenario.pay(fan, order);
		assertThat(mine(promoter).get("pending").asLong()).isEqualTo(380);

		var cancelled = api.post("/api/v1/orders/" + order.id() + "/cancel", fan.token(), null);

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		eventually(() -> assertThat(mine(promoter).get("items").get(0).get("status").asString())
			.isEqualTo("CANCELLED"));
		JsonNode after = mine(promoter);
		assertThat(after.get("pending").asLong()).isZero();
		assertThat(after.get("available").asLong()).isZero();
		assertThat(after.get("items").get(0).get("amount").asLong()).isEqualTo(380);
		assertThat(shopBalance(market).get("pending").asLong()).isZero();
	}

	@Test
	void aPromotersOwnPurchaseThroughTheirLinkEarnsNothingAndIsFlagged() {
		Market market = scenario.market(SUPPLY, 3_000, PRICE, 10, SHIPPING);
		rates(market, 2_000, 1_000);
		User top = scenario.user();
		User promoter = scenario.user();
		joinShop(promoter, market, joinShop(top, market, null));
		String code = share(api, promoter, market.listingId(), "link");

		Api.Response order = orderThrough(api, scenario, promoter, market, code, 1);
		scenario.pay(promoter, order);

		assertThat(mine(promoter).get("pending").asLong()).isZero();
		assertThat(mine(promoter).get("items").size()).isZero();
		assertThat(mine(top).get("pending").asLong()).isZero();
		assertThat(kindsOf(jdbc, order.id())).containsExactly("SELF_REFERRAL");
	}

	@Test
	void aSharerWhoIsNoPromoterEarnsNothing() {
		Market market = scenario.market(SUPPLY, 3_000, PRICE, 10, SHIPPING);
		rates(market, 2_000, 1_000);
		User sharer = scenario.user();
		User fan = scenario.user();
		String code = share(api, sharer, market.listingId(), "link");

		Api.Response order = orderThrough(api, scenario, fan, market, code, 1);
		scenario.pay(fan, order);

		assertThat(mine(sharer).get("pending").asLong()).isZero();
		long fee = PRICE * 200 / 10_000;
		assertThat(shopBalance(market).get("pending").asLong()).isEqualTo(PRICE - SUPPLY - fee);
	}

	private void rates(Market market, int level1, int level2) {
		var patched = api.patch("/api/v1/shops/" + market.shop().id(), market.seller().token(),
				Api.map("level1CommissionBps", level1, "level2CommissionBps", level2));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
	}

	private String joinShop(User fan, Market market, String recruiterCode) {
		var joined = api.post("/api/v1/shops/" + market.shop().id() + "/promoters", fan.token(),
				recruiterCode == null ? Api.map() : Api.map("recruiterCode", recruiterCode));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		return joined.text("code");
	}

	private JsonNode mine(User user) {
		var mine = api.get("/api/v1/me/commissions", user.token());
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		return mine.json();
	}

	private JsonNode shopBalance(Market market) {
		return api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token()).json();
	}

}

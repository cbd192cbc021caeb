package io.microshop.fission;

import static io.microshop.fission.FraudFixtures.joinShop;
import static io.microshop.fission.FraudFixtures.kindsOf;
import static io.microshop.fission.FraudFixtures.place;
import static io.microshop.fission.FraudFixtures.rates;
import static io.microshop.fission.ShareFixtures.share;
import static io.microshop.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.microshop.ledger.Ledger;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Flagged orders earn no commission: flagged before payment, none is decided; flagged after
 * payment, the pending commission goes back to the seller's escrow part through the ledger,
 * and the books still balance through settlement. Flagged orders count in no statistics.
 */
class CommissionRevocationApiTest extends AppTest {

	// supply 2_000, price 3_900, no shipping: level 1 at 10% of the 1_900 margin is 190
	static final long SUPPLY = 2_000;

	static final long PRICE = 3_900;

	static final long LEVEL1 = 190;

	@Autowired
	Ledger ledger;

	@Test
	void anOrderFlaggedAfterPaymentHasItsPendingCommissionRevokedAndTheSellerGetsIt() {
		Market market = scenario.market(SUPPLY, 3_000, PRICE, 20, 0);
		rates(api, market, 1_000);
		User promoter = scenario.user();
		joinShop(api, promoter, market);
		String code = share(api, promoter, market.listingId(), "wechat");
		String address = "18 Lotus Lane, Suzhou " + UUID.randomUUID();
		User fan = scenario.user();
		Api.Response order = place(api, scenario, fan, market, code, address, null);
		scenario.pay(fan, order);
		long fee = PRICE * 200 / 10_000;
		long seller = PRICE - SUPPLY - fee - LEVEL1;
		assertThat(promoterBalance(promoter).get("pending").asLong()).isEqualTo(LEVEL1);
		assertThat(shopBalance(market).get("pending").asLong()).isEqualTo(seller);
		var beforeFlag = api.get("/api/v1/shares/" + code + "/stats", promoter.token()).json();
		eventually(() -> assertThat(api.get("/api/v1/shares/" + code + "/stats", promoter.token())
			.json()
			.get("paidOrders")
			.asLong()).isEqualTo(1));

		// four more accounts ship to the same address, spelled differently: a cluster of five
		place(api, scenario, scenario.user(), market, null, address.toUpperCase().replace(",", " ,"), null);
		place(api, scenario, scenario.user(), market, null, "  " + address + ".", null);
		place(api, scenario, scenario.user(), market, null, address.toLowerCase(), null);
		place(api, scenario, scenario.user(), market, null, address + " ", null);

		eventually(() -> assertThat(kindsOf(jdbc, order.id())).containsExactly("SHARED_ADDRESS"));
		eventually(() -> assertThat(promoterBalance(promoter).get("pending").asLong()).isZero());
		JsonNode item = promoterBalance(promoter).get("items").get(0);
		assertThat(item.get("status").asString()).isEqualTo("REVOKED");
		assertThat(shopBalance(market).get("pending").asLong()).isEqualTo(seller + LEVEL1);
		assertThat(revocations(order.id())).isEqualTo(1);
		// the flagged order no longer counts for the link (nor the shop)
		var afterFlag = api.get("/api/v1/shares/" + code + "/stats", promoter.token()).json();
		assertThat(afterFlag.get("paidOrders").asLong()).isZero();
		assertThat(afterFlag.get("visits").asLong()).isEqualTo(beforeFlag.get("visits").asLong());
		JsonNode shop = api.get("/api/v1/shops/" + market.shop().id() + "/fission", market.seller().token()).json();
		assertThat(shop.get("paidOrders").asLong()).isZero();
		assertThat(shop.get("orders").asLong()).isZero();

		scenario.ship(market, order.id());
		scenario.receive(fan, order.id());
		clock.advance(Duration.ofDays(8));
		scenario.awaitStatus(fan, order.id(), "SETTLED");

		JsonNode after = promoterBalance(promoter);
		assertThat(after.get("pending").asLong()).isZero();
		assertThat(after.get("available").asLong()).isZero();
		eventually(() -> assertThat(promoterBalance(promoter).get("items").get(0).get("status").asString())
			.isEqualTo("REVOKED"));
		assertThat(shopBalance(market).get("available").asLong()).isEqualTo(seller + LEVEL1);
		assertThat(shopBalance(market).get("pending").asLong()).isZero();
		assertBalanced();
	}

	@Test
	void anOrderFlaggedBeforePaymentEarnsNoCommissionAndARefundStaysBalanced() {
		Market market = scenario.market(SUPPLY, 3_000, PRICE, 20, 0);
		rates(api, market, 1_000);
		User promoter = scenario.user();
		joinShop(api, promoter, market);
		String code = share(api, promoter, market.listingId(), "link");
		User buyer = scenario.user();
		String address = "3 Bridge Street, Ningbo " + UUID.randomUUID();
		place(api, scenario, buyer, market, code, address, null);
		place(api, scenario, buyer, market, code, address, null);
		Api.Response third = place(api, scenario, buyer, market, code, address, null);
		eventually(() -> assertThat(kindsOf(jdbc, third.id())).containsExactly("BURST"));

		scenario.pay(buyer, third);

		JsonNode mine = promoterBalance(promoter);
		assertThat(mine.get("pending").asLong()).isZero();
		assertThat(mine.get("items").size()).isZero();
		long fee = PRICE * 200 / 10_000;
		assertThat(shopBalance(market).get("pending").asLong()).isEqualTo(PRICE - SUPPLY - fee);
		var cancelled = api.post("/api/v1/orders/" + third.id() + "/cancel", buyer.token(), null);
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(shopBalance(market).get("pending").asLong()).isZero();
		assertBalanced();
	}

	@Test
	void aPaidOrderRefundedAfterItsCommissionWasRevokedGivesTheBuyerEverythingBack() {
		Market market = scenario.market(SUPPLY, 3_000, PRICE, 20, 0);
		rates(api, market, 1_000);
		User promoter = scenario.user();
		joinShop(api, promoter, market);
		String code = share(api, promoter, market.listingId(), "momo");
		String device = FraudFixtures.device();
		User fan = scenario.user();
		Api.Response order = place(api, scenario, fan, market, code, "9 Hill Road " + UUID.randomUUID(), device);
		scenario.pay(fan, order);
		assertThat(promoterBalance(promoter).get("pending").asLong()).isEqualTo(LEVEL1);
		for (int i = 10; i < 14; i++) {
			place(api, scenario, scenario.user(), market, null, i + " Hill Road " + UUID.randomUUID(), device);
		}
		eventually(() -> assertThat(kindsOf(jdbc, order.id())).containsExactly("SHARED_DEVICE"));
		eventually(() -> assertThat(promoterBalance(promoter).get("pending").asLong()).isZero());

		var cancelled = api.post("/api/v1/orders/" + order.id() + "/cancel", fan.token(), null);

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(shopBalance(market).get("pending").asLong()).isZero();
		assertThat(promoterBalance(promoter).get("pending").asLong()).isZero();
		assertBalanced();
	}

	private void assertBalanced() {
		var trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
		assertThat(trial.get("balanced").asBoolean()).isTrue();
		assertThat(trial.get("sum").asLong()).isZero();
		assertThat(ledger.unbalancedTransactions()).isEmpty();
	}

	private long revocations(String orderId) {
		return jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE kind = 'COMMISSION_REVOKED' AND reference = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	private JsonNode promoterBalance(User user) {
		var mine = api.get("/api/v1/me/commissions", user.token());
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		return mine.json();
	}

	private JsonNode shopBalance(Market market) {
		return api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token()).json();
	}

}

package io.microshop.trust;

import static io.microshop.support.Eventually.eventually;
import static io.microshop.support.LedgerRows.postings;
import static io.microshop.trust.ComplaintFixtures.SHIPPING;
import static io.microshop.trust.ComplaintFixtures.SUPPLY;
import static io.microshop.trust.ComplaintFixtures.decide;
import static io.microshop.trust.ComplaintFixtures.market;
import static io.microshop.trust.ComplaintFixtures.openComplaint;
import static io.microshop.trust.ComplaintFixtures.receivedOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.WebClient;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Complaints end to end with money: a partial refund reduces the buyer's payment, the
 * commissions in proportion and the seller's part; a full refund returns all of escrow; an
 * open complaint holds settlement. Two units at 39.00 (supply 20.00, shipping 8.00) pay
 * 86.00: supplier 48.00, fee 1.56, level 1 at 10% of the 38.00 margin 3.80, level 2 at 5%
 * 1.90, the seller 30.74.
 */
class ComplaintRefundsTest extends AppTest {

	static final long PAID = 8_600;

	static final long SUPPLIER_PART = 2 * SUPPLY + SHIPPING;

	static final long FEE = 156;

	static final long LEVEL1 = 380;

	static final long LEVEL2 = 190;

	static final long SELLER = PAID - SUPPLIER_PART - FEE - LEVEL1 - LEVEL2;

	@Test
	void complaintToPartialRefundReducesTheCommissionsAndTheSellersPartAndTheRestSettles() {
		Fixture f = withPromoters();
		String orderId = receivedOrder(scenario, f.market, f.fan, f.code);
		assertThat(promoterBalance(f.promoter).get("pending").asLong()).isEqualTo(LEVEL1);
		assertThat(shopBalance(f.market).get("pending").asLong()).isEqualTo(SELLER);
		String id = openComplaint(api, f.fan, orderId);

		var decided = decide(api, scenario.operatorToken(), id,
				Api.map("outcome", "PARTIAL_REFUND", "refundAmount", 1_000, "reason", "The tin is dented."));

		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
		assertThat(decided.json().get("decision").get("outcome").asString()).isEqualTo("PARTIAL_REFUND");
		assertThat(decided.json().get("decision").get("refundAmount").asLong()).isEqualTo(1_000);
		// each commission reduced in proportion to what is still paid (76/86), rounded down
		long level1 = LEVEL1 * (PAID - 1_000) / PAID;
		long level2 = LEVEL2 * (PAID - 1_000) / PAID;
		long seller = PAID - 1_000 - SUPPLIER_PART - FEE - level1 - level2;
		assertThat(level1).isEqualTo(335);
		assertThat(level2).isEqualTo(167);
		Map<String, Long> refund = postings(jdbc, "PARTIAL_REFUND", orderId + ":1000");
		assertThat(refund).containsEntry("buyer-funds", 1_000L)
			.containsEntry("escrow:promoter:" + f.promoter.id(), level1 - LEVEL1)
			.containsEntry("escrow:promoter:" + f.top.id(), level2 - LEVEL2)
			.containsEntry("escrow:shop:" + f.market.shop().id(), seller - SELLER)
			.doesNotContainKeys("escrow:supplier:" + f.market.product().supplierId(), "escrow:platform");
		assertThat(promoterBalance(f.promoter).get("pending").asLong()).isEqualTo(level1);
		assertThat(promoterBalance(f.top).get("pending").asLong()).isEqualTo(level2);
		assertThat(shopBalance(f.market).get("pending").asLong()).isEqualTo(seller);
		eventually(() -> assertThat(commission(f.promoter).get("amount").asLong()).isEqualTo(level1));
		assertThat(commission(f.top).get("amount").asLong()).isEqualTo(level2);
		assertThat(commission(f.promoter).get("status").asString()).isEqualTo("PENDING");
		assertThat(api.get("/api/v1/orders/" + orderId, f.fan.token()).text("status")).isEqualTo("RECEIVED");
		// the provider is told to give the 10.00 back; the payment stays collected for the rest
		eventually(() -> assertThat(providerRefunds(orderId)).containsExactly("SENT 1000"));
		assertThat(paymentOf(orderId)).isEqualTo("SUCCEEDED 1000");
		// the buyer sees it, in the API and on the order page
		assertThat(api.get("/api/v1/orders/" + orderId, f.fan.token()).json().get("payment").get("refunded").asLong())
			.isEqualTo(1_000);
		var page = WebClient.signedIn(baseUrl(), jdbc, f.fan.phone()).get("/o/" + orderId);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"part-refunded\"").contains("Partly refunded: ¥10.00 went back to you.");
		// the promoter's link sold what was paid less what went back
		eventually(() -> assertThat(linkStats(f)).isEqualTo("1 paid, sales " + (PAID - 1_000)));

		clock.advance(Duration.ofDays(8));
		scenario.awaitStatus(f.fan, orderId, "SETTLED");

		Map<String, Long> settled = postings(jdbc, "SETTLEMENT", orderId);
		assertThat(settled).containsEntry("supplier:" + f.market.product().supplierId(), SUPPLIER_PART)
			.containsEntry("platform:fees", FEE)
			.containsEntry("shop:" + f.market.shop().id(), seller)
			.containsEntry("promoter:" + f.promoter.id(), level1)
			.containsEntry("promoter:" + f.top.id(), level2);
		assertThat(SUPPLIER_PART + FEE + seller + level1 + level2 + 1_000).isEqualTo(PAID);
		assertThat(shopBalance(f.market).get("available").asLong()).isEqualTo(seller);
		assertThat(shopBalance(f.market).get("pending").asLong()).isZero();
		eventually(() -> assertThat(commission(f.promoter).get("status").asString()).isEqualTo("AVAILABLE"));
		assertThat(commission(f.promoter).get("amount").asLong()).isEqualTo(level1);
		assertThat(promoterBalance(f.promoter).get("available").asLong()).isEqualTo(level1);
		assertTrialBalanceIsZero();
	}

	@Test
	void anOpenComplaintKeepsAReceivedOrderFromSettlingUntilItIsDecided() {
		Market market = market(scenario);
		User buyer = scenario.user();
		String orderId = receivedOrder(scenario, market, buyer, null);
		String id = openComplaint(api, buyer, orderId);

		clock.advance(Duration.ofDays(8));
		Scenario.sleep(3_000); // three sweeps at one second

		assertThat(api.get("/api/v1/orders/" + orderId, buyer.token()).text("status")).isEqualTo("RECEIVED");
		assertThat(postings(jdbc, "SETTLEMENT", orderId)).isEmpty();
		assertThat(shopBalance(market).get("available").asLong()).isZero();

		decide(api, scenario.operatorToken(), id, Api.map("outcome", "REJECT", "reason", "Not the seller's fault."));

		scenario.awaitStatus(buyer, orderId, "SETTLED");
		long goods = 2 * ComplaintFixtures.PRICE;
		assertThat(shopBalance(market).get("available").asLong()).isEqualTo(goods - 2 * SUPPLY - goods * 200 / 10_000);
	}

	@Test
	void aFullRefundMakesTheOrderRefundedReturnsAllEscrowAndCancelsTheCommissions() {
		Fixture f = withPromoters();
		String orderId = receivedOrder(scenario, f.market, f.fan, f.code);
		String id = openComplaint(api, f.fan, orderId);

		var decided = decide(api, scenario.operatorToken(), id,
				Api.map("outcome", "FULL_REFUND", "reason", "Wrong tea was sent."));

		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
		assertThat(decided.json().get("decision").get("refundAmount").asLong()).isEqualTo(PAID);
		JsonNode order = api.get("/api/v1/orders/" + orderId, f.fan.token()).json();
		assertThat(order.get("status").asString()).isEqualTo("REFUNDED");
		assertThat(order.get("payment").get("status").asString()).isEqualTo("REFUNDED");
		assertThat(postings(jdbc, "REFUND", orderId)).containsEntry("buyer-funds", PAID)
			.containsEntry("escrow:shop:" + f.market.shop().id(), -SELLER)
			.containsEntry("escrow:promoter:" + f.promoter.id(), -LEVEL1)
			.containsEntry("escrow:promoter:" + f.top.id(), -LEVEL2)
			.containsEntry("escrow:supplier:" + f.market.product().supplierId(), -SUPPLIER_PART)
			.containsEntry("escrow:platform", -FEE);
		assertThat(shopBalance(f.market).get("pending").asLong()).isZero();
		assertThat(promoterBalance(f.promoter).get("pending").asLong()).isZero();
		eventually(() -> assertThat(commission(f.promoter).get("status").asString()).isEqualTo("CANCELLED"));
		assertThat(commission(f.top).get("status").asString()).isEqualTo("CANCELLED");
		clock.advance(Duration.ofDays(8));
		Scenario.sleep(1_500);
		assertThat(postings(jdbc, "SETTLEMENT", orderId)).isEmpty();
		assertTrialBalanceIsZero();
	}

	@Test
	void aFullRefundAfterAPartialOneReturnsOnlyWhatRemains() {
		Fixture f = withPromoters();
		String orderId = receivedOrder(scenario, f.market, f.fan, f.code);
		String operator = scenario.operatorToken();
		decide(api, operator, openComplaint(api, f.fan, orderId),
				Api.map("outcome", "PARTIAL_REFUND", "refundAmount", 2_600, "reason", "One tin dented."));

		var full = decide(api, operator, openComplaint(api, f.fan, orderId),
				Api.map("outcome", "FULL_REFUND", "reason", "The other tin broke too."));

		assertThat(full.status()).as(full.toString()).isEqualTo(200);
		assertThat(full.json().get("decision").get("refundAmount").asLong()).isEqualTo(PAID - 2_600);
		assertThat(postings(jdbc, "REFUND", orderId)).containsEntry("buyer-funds", PAID - 2_600);
		Map<String, Long> all = jdbc.sql("""
				SELECT p.account, sum(p.amount) FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
				WHERE t.reference = ? OR t.reference LIKE ? GROUP BY p.account""")
			.params(orderId, orderId + ":%")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		// everything the order put into escrow came out again, to the fen
		assertThat(all.values()).containsOnly(0L);
		assertThat(api.get("/api/v1/orders/" + orderId, f.fan.token()).text("status")).isEqualTo("REFUNDED");
		// the provider gives back 26.00, then the 60.00 left: never the whole 86.00 a second time
		eventually(() -> assertThat(providerRefunds(orderId)).containsExactly("SENT 2600", "SENT 6000"));
		assertThat(paymentOf(orderId)).isEqualTo("REFUNDED " + PAID);
		// a sale refunded in full is no sale for the link that brought it
		eventually(() -> assertThat(linkStats(f)).isEqualTo("0 paid, sales 0"));
		assertTrialBalanceIsZero();
	}

	/** The refunds sent to the payment provider for the order, oldest first: "status amount". */
	private java.util.List<String> providerRefunds(String orderId) {
		return jdbc.sql("""
				SELECT r.status || ' ' || r.amount FROM payment_refunds r JOIN payments p ON p.id = r.payment_id
				WHERE p.order_id = ? AND (r.status = 'REQUESTED' OR r.provider_reference LIKE 'sbx_rf_%')
				ORDER BY r.requested_at, r.amount""")
			.param(UUID.fromString(orderId))
			.query(String.class)
			.list();
	}

	private String linkStats(Fixture f) {
		JsonNode stats = api.get("/api/v1/shares/" + f.code + "/stats", f.promoter.token()).json();
		return stats.get("paidOrders").asLong() + " paid, sales " + stats.get("sales").asLong();
	}

	private String paymentOf(String orderId) {
		return jdbc.sql("SELECT status || ' ' || refunded_amount FROM payments WHERE order_id = ?")
			.param(UUID.fromString(orderId))
			.query(String.class)
			.single();
	}

	private Fixture withPromoters() {
		Market market = market(scenario);
		var rates = api.patch("/api/v1/shops/" + market.shop().id(), market.seller().token(),
				Api.map("level1CommissionBps", 1_000, "level2CommissionBps", 500));
		assertThat(rates.status()).as(rates.toString()).isEqualTo(200);
		User top = scenario.user();
		User promoter = scenario.user();
		var joinedTop = api.post("/api/v1/shops/" + market.shop().id() + "/promoters", top.token(), Api.map());
		assertThat(joinedTop.status()).as(joinedTop.toString()).isEqualTo(201);
		var joined = api.post("/api/v1/shops/" + market.shop().id() + "/promoters", promoter.token(),
				Api.map("recruiterCode", joinedTop.text("code")));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		var share = api.post("/api/v1/shares", promoter.token(), Api.map("listingId", market.listingId()));
		assertThat(share.status()).as(share.toString()).isEqualTo(201);
		return new Fixture(market, top, promoter, scenario.user(), share.text("code"));
	}

	private JsonNode shopBalance(Market market) {
		return api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token()).json();
	}

	private JsonNode promoterBalance(User promoter) {
		return api.get("/api/v1/me/commissions", promoter.token()).json();
	}

	private JsonNode commission(User promoter) {
		JsonNode items = promoterBalance(promoter).get("items");
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private void assertTrialBalanceIsZero() {
		JsonNode trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
		assertThat(trial.get("balanced").asBoolean()).isTrue();
		assertThat(trial.get("sum").asLong()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM (SELECT transaction_id FROM ledger_postings GROUP BY transaction_id "
				+ "HAVING sum(amount) <> 0) t")
			.query(Long.class)
			.single()).isZero();
	}

	private record Fixture(Market market, User top, User promoter, User fan, String code) {
	}

}

package io.microshop.fission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.microshop.payment.sandbox.SandboxSignature;
import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The last seat of a group: 200 buyers join a group of two whose leader paid, and all pay at
 * once. The conditional seat update decides: exactly one is seated, every other paid order is
 * cancelled and refunded, and the stock of the refused ones comes back.
 */
class GroupLastSeatConcurrencyTest extends AppTest {

	static final String SECRET = "whsec_dev_only_change_me";

	@Test
	void twoHundredBuyersOnTheLastSeatSeatExactlyOne() throws Exception {
		int buyersCount = 200;
		int start = 500;
		Market market = scenario.market(1_000, 1_500, 2_500, start, 0);
		var deal = api.post("/api/v1/shops/" + market.shop().id() + "/group-deals", market.seller().token(),
				Api.map("listingId", market.listingId(), "skuId", market.product().skuId(), "groupPrice", 1_800,
						"groupSize", 2, "window", "PT24H"));
		assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
		User leader = scenario.user();
		Map<String, Object> leadBody = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		leadBody.put("groupDealId", deal.id());
		var lead = api.post("/api/v1/orders", leader.token(), leadBody);
		String groupId = lead.text("groupId");
		scenario.pay(leader, lead);

		List<User> buyers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			buyers.add(scenario.user());
		}
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			// everyone joins at once
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Api.Response>> placed = new ArrayList<>();
			for (int i = 0; i < buyersCount; i++) {
				User buyer = buyers.get(i % buyers.size());
				placed.add(pool.submit(() -> {
					go.await();
					Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
					body.put("groupId", groupId);
					return api.post("/api/v1/orders", buyer.token(), body);
				}));
			}
			go.countDown();
			List<Api.Response> orders = new ArrayList<>();
			for (Future<Api.Response> f : placed) {
				Api.Response r = f.get();
				assertThat(r.status()).as(r.toString()).isEqualTo(201);
				orders.add(r);
			}
			// and everyone pays at once, by signed webhooks
			CountDownLatch pay = new CountDownLatch(1);
			Map<Integer, AtomicInteger> webhookStatuses = new ConcurrentHashMap<>();
			List<Future<?>> paid = new ArrayList<>();
			for (Api.Response order : orders) {
				paid.add(pool.submit(() -> {
					pay.await();
					String body = Api.JSON.writeValueAsString(Api.map("id", "evt_" + UUID.randomUUID(), "type",
							"payment.succeeded", "paymentId", order.json().get("payment").get("id").asString(),
							"amount", order.json().get("total").asLong(), "currency", "CNY"));
					var answer = api.send("POST", "/api/v1/payments/webhooks/sandbox", null, body, Map.of(
							"Sandbox-Signature", SandboxSignature.sign(SECRET, clock.instant().getEpochSecond(), body)));
					webhookStatuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
					return null;
				}));
			}
			pay.countDown();
			for (Future<?> f : paid) {
				f.get();
			}
			assertThat(webhookStatuses.keySet()).as("webhook answers %s", webhookStatuses).containsOnly(200);

			List<UUID> ids = orders.stream().map(o -> UUID.fromString(o.id())).toList();
			long deadline = System.currentTimeMillis() + 60_000;
			while (System.currentTimeMillis() < deadline && settledCount(ids) < buyersCount) {
				Scenario.sleep(200);
			}
			assertThat(settledCount(ids)).as("orders decided").isEqualTo(buyersCount);
			assertThat(jdbc.sql("SELECT paid_members FROM groups WHERE id = ?")
				.param(UUID.fromString(groupId))
				.query(Integer.class)
				.single()).isEqualTo(2);
			assertThat(api.get("/api/v1/groups/" + groupId, null).json().get("status").asString())
				.isEqualTo("SUCCEEDED");
			assertThat(count("SELECT count(*) FROM orders WHERE id::text = ANY(?::text[]) AND status = 'PAID'", ids)).isEqualTo(1);
			assertThat(count("SELECT count(*) FROM orders WHERE id::text = ANY(?::text[]) AND status = 'CANCELLED'", ids))
				.isEqualTo(buyersCount - 1);
			assertThat(count("SELECT count(*) FROM payments WHERE order_id::text = ANY(?::text[]) AND status = 'REFUNDED'", ids))
				.isEqualTo(buyersCount - 1);
			assertThat(count("SELECT count(*) FROM ledger_transactions WHERE kind = 'REFUND' AND reference = ANY(?::text[])",
					ids.stream().map(UUID::toString).toList()))
				.isEqualTo(buyersCount - 1);
			assertThat(jdbc.sql("SELECT stock FROM skus WHERE id = ?")
				.param(UUID.fromString(market.product().skuId()))
				.query(Integer.class)
				.single()).isEqualTo(start - 2);
			var trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
			assertThat(trial.get("balanced").asBoolean()).isTrue();
			assertThat(trial.get("sum").asLong()).isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long settledCount(List<UUID> ids) {
		return count("SELECT count(*) FROM orders WHERE id::text = ANY(?::text[]) AND status IN ('PAID', 'CANCELLED') "
				+ "AND (status = 'CANCELLED' OR NOT awaiting_group)", ids);
	}

	private long count(String sql, List<?> ids) {
		String[] array = ids.stream().map(Object::toString).toArray(String[]::new);
		return jdbc.sql(sql).param(array).query(Long.class).single();
	}

}

package io.microshop.trust;

import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.assertUnauthorized;
import static io.microshop.api.ApiAssertions.unknownId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** POST /api/v1/shops/{id}/withdrawals and /suppliers/{id}/withdrawals. */
class WithdrawalsApiTest extends AppTest {

	private TrustFixtures trust;

	@BeforeEach
	void fixtures() {
		trust = new TrustFixtures(api, scenario, clock);
	}

	@Test
	void anUnverifiedSellerIsToldWhyAndNothingMoves() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		trust.settledOrder(market, 1);
		String path = "/api/v1/shops/" + market.shop().id() + "/withdrawals";

		JsonNode refused = assertProblem(api.post(path, market.seller().token(), Api.map("amount", 100)), 403,
				"not-verified");
		assertThat(refused.get("detail").asString()).contains("verified");

		trust.submit(market.seller(), "shop", market.shop().id(), "Li Lei");
		JsonNode pending = assertProblem(api.post(path, market.seller().token(), Api.map("amount", 100)), 403,
				"not-verified");
		assertThat(pending.get("detail").asString()).contains("review");
		assertThat(withdrawals(market)).isZero();
		assertThat(available(market)).isEqualTo(3_900 - 2_000 - 78);
	}

	@Test
	void aVerifiedSellerWithdrawsUpToTheAvailableBalance() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		trust.verify(market.seller(), "shop", market.shop().id());
		String path = "/api/v1/shops/" + market.shop().id() + "/withdrawals";
		assertProblem(api.post(path, market.seller().token(), Api.map("amount", 1)), 422, "insufficient-balance");

		trust.settledOrder(market, 2);
		long available = available(market);
		assertThat(available).isEqualTo(2 * (3_900 - 2_000) - 2 * 3_900 * 200 / 10_000);

		JsonNode tooMuch = assertProblem(api.post(path, market.seller().token(), Api.map("amount", available + 1)),
				422, "insufficient-balance");
		assertThat(tooMuch.get("errors").has("amount")).isTrue();
		var paid = api.post(path, market.seller().token(), Api.map("amount", available - 100));

		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		assertThat(paid.text("status")).isEqualTo("PAID");
		assertThat(paid.json().get("amount").asLong()).isEqualTo(available - 100);
		assertThat(paid.text("payoutReference")).startsWith("sbx_po_");
		assertThat(available(market)).isEqualTo(100);
		assertThat(api.get(path, market.seller().token()).json().get("total").asLong()).isEqualTo(1);
		JsonNode trial = api.get("/api/v1/ops/ledger/trial-balance", scenario.operatorToken()).json();
		assertThat(trial.get("balanced").asBoolean()).isTrue();
	}

	@Test
	void aSupplierWithdrawsToo() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		trust.verify(market.supplier(), "supplier", market.product().supplierId());
		trust.settledOrder(market, 1);
		String path = "/api/v1/suppliers/" + market.product().supplierId() + "/withdrawals";

		var paid = api.post(path, market.supplier().token(), Api.map("amount", 2_800));

		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		JsonNode balance = api.get("/api/v1/suppliers/" + market.product().supplierId() + "/balance",
				market.supplier().token()).json();
		assertThat(balance.get("available").asLong()).isZero();
		assertProblem(api.post(path, market.supplier().token(), Api.map("amount", 1)), 422, "insufficient-balance");
	}

	@Test
	void theIdempotencyKeyReplaysTheFirstWithdrawal() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		trust.verify(market.seller(), "shop", market.shop().id());
		trust.settledOrder(market, 3);
		long available = available(market);
		String path = "/api/v1/shops/" + market.shop().id() + "/withdrawals";
		Map<String, String> key = Map.of("Idempotency-Key", "payout-2026-11-25");

		var first = api.post(path, market.seller().token(), Api.map("amount", 1_000), key);
		var again = api.post(path, market.seller().token(), Api.map("amount", 1_000), key);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(available(market)).isEqualTo(available - 1_000);
		assertProblem(api.post(path, market.seller().token(), Api.map("amount", 999), key), 409,
				"idempotency-key-reused");
		assertThat(withdrawals(market)).isEqualTo(1);
	}

	@Test
	void concurrentWithdrawalsNeverTakeMoreThanTheBalance() throws Exception {
		Market market = scenario.market(2_000, 3_000, 3_900, 100, 800);
		trust.verify(market.seller(), "shop", market.shop().id());
		trust.settledOrder(market, 10);
		long available = available(market);
		long each = available * 4 / 10;
		String path = "/api/v1/shops/" + market.shop().id() + "/withdrawals";

		List<Integer> statuses = inParallel(24, i -> api
			.post(path, market.seller().token(), Api.map("amount", each), Map.of("Idempotency-Key", "k" + i))
			.status());
		List<Integer> sameKey = inParallel(24, i -> api
			.post(path, market.seller().token(), Api.map("amount", 1), Map.of("Idempotency-Key", "one-key"))
			.status());

		assertThat(statuses).filteredOn(s -> s == 201).hasSize(2);
		assertThat(statuses).filteredOn(s -> s == 422).hasSize(22);
		assertThat(sameKey).containsOnly(201);
		assertThat(withdrawals(market)).isEqualTo(3);
		assertThat(available(market)).isEqualTo(available - 2 * each - 1);
	}

	@Test
	void onlyTheOwnerWithdrawsAndBadAmountsAreRefused() {
		Market market = scenario.market(2_000, 3_000, 3_900, 10, 800);
		Market other = scenario.market(2_000, 3_000, 3_900, 10, 800);
		trust.verify(other.seller(), "shop", other.shop().id());
		String path = "/api/v1/shops/" + market.shop().id() + "/withdrawals";

		assertUnauthorized(api.post(path, null, Api.map("amount", 100)));
		assertProblem(api.post(path, other.seller().token(), Api.map("amount", 100)), 403, "forbidden");
		assertProblem(api.post("/api/v1/shops/" + unknownId() + "/withdrawals", market.seller().token(),
				Api.map("amount", 100)), 404, "not-found");
		assertProblem(api.post("/api/v1/suppliers/" + market.product().supplierId() + "/withdrawals",
				other.seller().token(), Api.map("amount", 100)), 403, "forbidden");
		String ownPath = "/api/v1/shops/" + other.shop().id() + "/withdrawals";
		for (Object amount : new Object[] { 0, -5, 1.5, "ten", null }) {
			var refused = api.post(ownPath, other.seller().token(), Api.map("amount", amount));
			assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(withdrawals(other)).isZero();
	}

	private long available(Market market) {
		return api.get("/api/v1/shops/" + market.shop().id() + "/balance", market.seller().token())
			.json()
			.get("available")
			.asLong();
	}

	private long withdrawals(Market market) {
		return jdbc.sql("SELECT count(*) FROM withdrawals WHERE owner_id = ?::uuid")
			.param(market.shop().id())
			.query(Long.class)
			.single();
	}

	private static <T> List<T> inParallel(int n, java.util.function.IntFunction<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return call.apply(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}

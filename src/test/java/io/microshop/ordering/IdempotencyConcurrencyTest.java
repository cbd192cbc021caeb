package io.microshop.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

/** A buyer's app retries a checkout many times at once: one order, one reservation. */
class IdempotencyConcurrencyTest extends AppTest {

	@Test
	void fiftyConcurrentIdenticalPostsWithOneKeyMakeOneOrder() throws Exception {
		Market market = scenario.market(1_000, 1_200, 1_500, 100, 500);
		User buyer = scenario.user();
		String key = "checkout-" + UUID.randomUUID();
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 2);

		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> futures = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return api.post("/api/v1/orders", buyer.token(), body, Map.of("Idempotency-Key", key));
			}));
		}
		start.countDown();
		Set<String> ids = new HashSet<>();
		for (Future<Api.Response> f : futures) {
			Api.Response response = f.get();
			assertThat(response.status()).as(response.toString()).isEqualTo(201);
			ids.add(response.id());
		}
		pool.shutdown();

		assertThat(ids).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE buyer_account_id = ?")
			.param(UUID.fromString(buyer.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT stock FROM skus WHERE id = ?")
			.param(UUID.fromString(market.product().skuId()))
			.query(Integer.class)
			.single()).isEqualTo(98);

		Api.Response otherBody = api.post("/api/v1/orders", buyer.token(),
				scenario.orderBody(market.listingId(), market.product().skuId(), 3), Map.of("Idempotency-Key", key));
		assertThat(otherBody.status()).isEqualTo(409);
		assertThat(otherBody.contentType()).startsWith("application/problem+json");
		assertThat(otherBody.problemType()).endsWith("/idempotency-key-reused");
		assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE buyer_account_id = ?")
			.param(UUID.fromString(buyer.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSameKeyFromAnotherBuyerIsAnotherOrder() {
		Market market = scenario.market(1_000, 1_200, 1_500, 100, 0);
		String key = "shared-" + UUID.randomUUID();
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		Api.Response first = api.post("/api/v1/orders", scenario.user().token(), body, Map.of("Idempotency-Key", key));
		Api.Response second = api.post("/api/v1/orders", scenario.user().token(), body, Map.of("Idempotency-Key", key));
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(first.id()).isNotEqualTo(second.id());
	}

}

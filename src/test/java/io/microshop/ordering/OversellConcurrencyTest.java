package io.microshop.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.Scenario.Product;
import io.microshop.support.Scenario.Shop;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

/**
 * A flash sale on one SKU: many buyers in many shops at once. The database's conditional
 * update decides who gets a unit; nobody gets one that is not there.
 */
class OversellConcurrencyTest extends AppTest {

	@Test
	void fourHundredAttemptsOnFiftyUnitsReserveExactlyFifty() throws Exception {
		User supplierOwner = scenario.user();
		Product product = scenario.product(supplierOwner, 1_000, 1_500, 50, 0);
		List<Shop> shops = new ArrayList<>();
		List<String> listings = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Shop shop = scenario.shop(scenario.user());
			shops.add(shop);
			listings.add(scenario.list(shop, product, 1_500 + i * 100));
		}
		List<User> buyers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			buyers.add(scenario.user());
		}

		int attempts = 400;
		ExecutorService pool = Executors.newFixedThreadPool(100);
		CountDownLatch start = new CountDownLatch(1);
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		AtomicInteger outOfStock = new AtomicInteger();
		List<String> orderIds = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger lowestStockSeen = new AtomicInteger(Integer.MAX_VALUE);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			User buyer = buyers.get(i % buyers.size());
			String listing = listings.get(i % listings.size());
			futures.add(pool.submit(() -> {
				start.await();
				Api.Response response = api.post("/api/v1/orders", buyer.token(),
						scenario.orderBody(listing, product.skuId(), 1));
				statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
				if (response.status() == 201) {
					orderIds.add(response.id());
				}
				else if (response.status() == 409 && response.problemType().endsWith("/out-of-stock")) {
					outOfStock.incrementAndGet();
				}
				lowestStockSeen.accumulateAndGet(stock(product.skuId()), Math::min);
				return null;
			}));
		}
		start.countDown();
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();

		assertThat(statuses.get(201).get()).as("orders placed %s", statuses).isEqualTo(50);
		assertThat(outOfStock.get()).as("refused as out-of-stock %s", statuses).isEqualTo(attempts - 50);
		assertThat(stock(product.skuId())).isZero();
		assertThat(lowestStockSeen.get()).isGreaterThanOrEqualTo(0);
		assertThat(unitsOrdered(product.skuId())).isEqualTo(50);

		clock.advance(Duration.ofMinutes(16));
		long deadline = System.currentTimeMillis() + 20_000;
		while (stock(product.skuId()) < 50 && System.currentTimeMillis() < deadline) {
			Scenario.sleep(100);
		}
		assertThat(stock(product.skuId())).as("stock back after the payment timeout").isEqualTo(50);
		for (String id : orderIds) {
			assertThat(jdbc.sql("SELECT status FROM orders WHERE id = ?").param(UUID.fromString(id)).query(String.class).single())
				.isEqualTo("CANCELLED");
		}
	}

	private int stock(String skuId) {
		return jdbc.sql("SELECT stock FROM skus WHERE id = ?").param(UUID.fromString(skuId)).query(Integer.class).single();
	}

	private int unitsOrdered(String skuId) {
		return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM order_lines WHERE sku_id = ?")
			.param(UUID.fromString(skuId))
			.query(Integer.class)
			.single();
	}

}

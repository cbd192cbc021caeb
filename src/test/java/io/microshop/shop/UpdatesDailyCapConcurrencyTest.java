package io.microshop.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

/** Many posts at the same instant: the database lets exactly the day's cap of them land. */
class UpdatesDailyCapConcurrencyTest extends AppTest {

	private static final int THREADS = 16;

	@Test
	void exactlyThreeOfManyConcurrentPostsLand() throws Exception {
		Scenario.Shop shop = scenario.shop(scenario.user());
		String path = "/api/v1/shops/" + shop.id() + "/updates";
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			String text = "Flash sale " + i;
			answers.add(pool.submit(() -> {
				start.await();
				return api.post(path, shop.owner().token(), Api.map("text", text)).status();
			}));
		}
		start.countDown();
		int created = 0;
		int refused = 0;
		for (Future<Integer> answer : answers) {
			int status = answer.get(30, TimeUnit.SECONDS);
			if (status == 201) {
				created++;
			}
			else if (status == 429) {
				refused++;
			}
		}
		pool.shutdown();
		assertThat(created).isEqualTo(3);
		assertThat(refused).isEqualTo(THREADS - 3);
		assertThat(jdbc.sql("SELECT count(*) FROM shop_updates WHERE shop_id = ?::uuid").param(shop.id())
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT sum(used) FROM shop_update_days WHERE shop_id = ?::uuid").param(shop.id())
			.query(Long.class)
			.single()).isEqualTo(3);
	}

}

package io.microshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.microshop.MicroshopApplication;
import io.microshop.support.Api;
import io.microshop.support.Scenario;
import io.microshop.support.WebClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL stops in the middle of a load of checkouts and starts again. While it is down the
 * app answers 503 problem details quickly (no hang, no 500); when it is back the app recovers
 * by itself, and every order it acknowledged with 201 is there. Prints its figures.
 */
class DatabaseOutageTest {

	@Test
	void theAppAnswers503WhileTheDatabaseIsDownAndRecoversWithNothingLost() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "outage-pg-");
		int port = freePort();
		EmbeddedPostgres pg = database(dir, port);
		ConfigurableApplicationContext app = null;
		try {
			app = start(pg.getJdbcUrl("postgres", "postgres"));
			Api api = new Api("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
			Scenario scenario = new Scenario(api);
			Scenario.Market market = scenario.market(1_000, 1_500, 2_000, 100_000, 0);
			List<Scenario.User> buyers = List.of(scenario.user(), scenario.user(), scenario.user(), scenario.user());

			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
			List<Long> outageMillis = new CopyOnWriteArrayList<>();
			AtomicBoolean down = new AtomicBoolean();
			AtomicBoolean stop = new AtomicBoolean();
			List<Thread> load = buyers.stream().map(buyer -> new Thread(() -> {
				while (!stop.get()) {
					long t0 = System.nanoTime();
					Api.Response r;
					try {
						r = api.post("/api/v1/orders", buyer.token(),
								scenario.orderBody(market.listingId(), market.product().skuId(), 1));
					}
					catch (RuntimeException ex) {
						statuses.merge(-1, 1, Integer::sum);
						continue;
					}
					statuses.merge(r.status(), 1, Integer::sum);
					if (r.status() == 201) {
						acknowledged.add(r.id());
					}
					if (down.get() && r.status() == 503) {
						outageMillis.add((System.nanoTime() - t0) / 1_000_000);
						assertThat(r.contentType()).startsWith("application/problem+json");
					}
				}
			})).toList();
			load.forEach(Thread::start);

			// a visitor signed in to the pages: Spring Session looks the session up in the database
			// before any controller runs
			WebClient visitor = WebClient.signedIn(api.base(), app.getBean(JdbcClient.class), Scenario.newPhone());
			assertThat(visitor.get("/my/orders").status()).isEqualTo(200);

			Scenario.sleep(2_000);
			long before = acknowledged.size();
			down.set(true);
			pg.close();
			Scenario.sleep(1_000);
			Map<String, Integer> pages = new java.util.TreeMap<>();
			for (String path : List.of("/my/orders", "/sign-in")) {
				var page = visitor.get(path);
				pages.put(path, page.status());
				assertThat(page.body()).as(path).doesNotContain("Exception");
			}
			Scenario.sleep(5_000);
			pg = database(dir, port);
			down.set(false);
			long recovered = waitForA201(acknowledged, 30_000);
			Scenario.sleep(2_000);
			stop.set(true);
			for (Thread t : load) {
				t.join(30_000);
			}

			JdbcClient jdbc = app.getBean(JdbcClient.class);
			List<String> stored = jdbc.sql("SELECT id::text FROM orders").query(String.class).list();
			long p99 = outageMillis.stream().sorted().skip((long) (outageMillis.size() * 0.99)).findFirst().orElse(-1L);
			System.out.printf(Locale.ROOT,
					"database outage: %d orders acknowledged before, %d in all; answers by status %s; "
							+ "%d answers during the 6 s outage were 503 (p99 %d ms); first 201 %d ms after the restart; "
							+ "all acknowledged orders stored: %s; pages with a web session while down: %s%n",
					before, acknowledged.size(), statuses, outageMillis.size(), p99, recovered,
					stored.containsAll(acknowledged), pages);
			assertThat(pages).as("pages while the database is down").containsValue(503).doesNotContainValue(500);
			assertThat(statuses).doesNotContainKey(500);
			assertThat(outageMillis).isNotEmpty();
			assertThat(p99).as("503 answers come quickly while the database is down").isLessThan(5_000);
			assertThat(stored).containsAll(acknowledged);
			assertThat(acknowledged.size()).isGreaterThan((int) before);
		}
		finally {
			if (app != null) {
				app.close();
			}
			pg.close();
		}
	}

	private static long waitForA201(Set<String> acknowledged, long timeoutMillis) {
		long t0 = System.currentTimeMillis();
		int start = acknowledged.size();
		while (acknowledged.size() == start) {
			assertThat(System.currentTimeMillis() - t0).as("the app recovers by itself").isLessThan(timeoutMillis);
			Scenario.sleep(50);
		}
		return System.currentTimeMillis() - t0;
	}

	private static EmbeddedPostgres database(Path dir, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("fsync", "off")
			.start();
	}

	private static ConfigurableApplicationContext start(String url) {
		List<String> args = List.of("--server.port=0", "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--spring.datasource.password=", "--microshop.demo-data=false",
				"--microshop.files.dir=target/test-files", "--spring.datasource.hikari.maximum-pool-size=8",
				"--db-scheduler.polling-interval=1s", "--microshop.rate-limits.tokens.capacity=100000",
				"--microshop.rate-limits.orders.capacity=100000");
		return new SpringApplicationBuilder(MicroshopApplication.class).run(args.toArray(String[]::new));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

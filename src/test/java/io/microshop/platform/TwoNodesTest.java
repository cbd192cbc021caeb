package io.microshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.microshop.MicroshopApplication;
import io.microshop.support.Api;
import io.microshop.support.Scenario;
import io.microshop.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes on one database of their own, requests alternating between them, both running
 * the scheduler: every order is paid, shipped, received and settled exactly once (one ledger
 * booking of each kind per order, trial balance zero), and a web session opened on one node is
 * signed in on the other. Prints its figures for docs/benchmarks.md.
 */
class TwoNodesTest {

	private static final int ORDERS = 40;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static Api[] nodes;

	private static JdbcClient jdbc;

	@BeforeAll
	static void startTwoNodes() throws SQLException {
		String database = "two_nodes_" + Long.toString(System.nanoTime(), 36);
		try (Connection c = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
				TestDatabase.password())) {
			c.createStatement().execute("CREATE DATABASE " + database);
		}
		String url = TestDatabase.url().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
		first = start(url);
		second = start(url);
		nodes = new Api[] { api(first), api(second) };
		jdbc = first.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stopThem() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void ordersSettleExactlyOnceWhicheverNodeAnswersAndRunsTheSchedule() {
		long started = System.nanoTime();
		Scenario scenario = new Scenario(nodes[0]);
		Scenario.Market market = scenario.market(1_000, 1_500, 2_000, 1_000, 300);
		List<String> orders = new ArrayList<>();
		List<Scenario.User> buyers = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			Api node = nodes[i % 2];
			Scenario.User buyer = new Scenario(node).user();
			var order = node.post("/api/v1/orders", buyer.token(),
					scenario.orderBody(market.listingId(), market.product().skuId(), 1));
			assertThat(order.status()).as(order.toString()).isEqualTo(201);
			var paid = nodes[(i + 1) % 2].post("/api/v1/payments/" + order.json().get("payment").get("id").asString()
					+ "/sandbox-pay", buyer.token(), null);
			assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
			orders.add(order.id());
			buyers.add(buyer);
		}
		for (int i = 0; i < ORDERS; i++) {
			await(nodes[i % 2], buyers.get(i), orders.get(i), "PAID");
			var shipped = nodes[i % 2].post("/api/v1/suppliers/" + market.product().supplierId() + "/orders/"
					+ orders.get(i) + "/shipments", market.supplier().token(),
					Api.map("carrier", "SF Express", "trackingNumber", "SF" + i));
			assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
			var received = nodes[(i + 1) % 2].post("/api/v1/orders/" + orders.get(i) + "/confirm-receipt",
					buyers.get(i).token(), null);
			assertThat(received.status()).as(received.toString()).isEqualTo(200);
		}
		for (int i = 0; i < ORDERS; i++) {
			await(nodes[i % 2], buyers.get(i), orders.get(i), "SETTLED");
		}
		double seconds = (System.nanoTime() - started) / 1e9;

		for (String kind : List.of("PAYMENT", "SETTLEMENT")) {
			assertThat(count("SELECT count(*) FROM ledger_transactions WHERE kind = ?", kind)).as(kind).isEqualTo(ORDERS);
			assertThat(count("SELECT count(DISTINCT reference) FROM ledger_transactions WHERE kind = ?", kind))
				.isEqualTo(ORDERS);
		}
		assertThat(count("SELECT COALESCE(SUM(amount), 0) FROM ledger_postings")).isZero();
		assertThat(count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'order-transitions'")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")).isZero();
		JsonBalance shop = new JsonBalance(nodes[1].get("/api/v1/shops/" + market.shop().id() + "/balance",
				market.seller().token()).json().get("available").asLong());
		// 40 x (2000 - 1000 - 40 platform fee)
		assertThat(shop.available()).isEqualTo(ORDERS * (2_000L - 1_000 - 40));
		System.out.printf(Locale.ROOT,
				"two nodes: %d orders placed, paid, shipped, received and settled across 2 nodes in %.1f s; "
						+ "%d SETTLEMENT bookings (one per order), trial balance 0%n",
				ORDERS, seconds, count("SELECT count(*) FROM ledger_transactions WHERE kind = 'SETTLEMENT'"));
	}

	@Test
	void aWebSessionOpenedOnOneNodeIsSignedInOnTheOther() {
		Scenario.User user = new Scenario(nodes[0]).user();
		Browser browser = new Browser();
		String form = browser.get(nodes[0], "/sign-in").body();
		browser.post(nodes[0], "/sign-in/code", "phone=" + enc(user.phone()) + "&_csrf=" + csrf(form));
		String text = jdbc.sql("SELECT text FROM dev_sms_messages WHERE phone = ? ORDER BY id DESC LIMIT 1")
			.param(user.phone())
			.query(String.class)
			.single();
		Matcher code = Pattern.compile("(\\d{6})").matcher(text);
		assertThat(code.find()).isTrue();
		form = browser.get(nodes[0], "/sign-in").body();
		var signedIn = browser.post(nodes[0], "/sign-in",
				"phone=" + enc(user.phone()) + "&code=" + code.group(1) + "&_csrf=" + csrf(form));
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);

		var onTheOtherNode = browser.get(nodes[1], "/my/orders");
		assertThat(onTheOtherNode.statusCode()).as("signed in on node 2 with node 1's session").isEqualTo(200);
		var anonymous = new Browser().get(nodes[1], "/my/orders");
		assertThat(anonymous.statusCode()).isEqualTo(302);
	}

	private static void await(Api node, Scenario.User viewer, String orderId, String status) {
		long deadline = System.currentTimeMillis() + 30_000;
		while (true) {
			String now = node.get("/api/v1/orders/" + orderId, viewer.token()).json().get("status").asString();
			if (now.equals(status)) {
				return;
			}
			assertThat(System.currentTimeMillis()).as("order " + orderId + " still " + now + ", waiting for " + status)
				.isLessThan(deadline);
			Scenario.sleep(100);
		}
	}

	private static long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF token in the form").isTrue();
		return enc(m.group(1));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static ConfigurableApplicationContext start(String url) {
		List<String> args = List.of("--server.port=0", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + TestDatabase.user(),
				"--spring.datasource.password=" + TestDatabase.password(), "--microshop.demo-data=false",
				"--microshop.operator.phone=+8613000000000", "--microshop.operator.password=operator-secret",
				"--microshop.files.dir=target/test-files", "--spring.datasource.hikari.maximum-pool-size=5",
				"--db-scheduler.polling-interval=1s", "--microshop.orders.sweep-interval=PT1S",
				"--microshop.orders.protection-window=PT2S", "--microshop.rate-limits.tokens.capacity=100000",
				"--microshop.rate-limits.orders.capacity=100000", "--microshop.rate-limits.sms-codes.capacity=100000",
				"--microshop.rate-limits.shares.capacity=100000");
		return new SpringApplicationBuilder(MicroshopApplication.class).run(args.toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new Api("http://127.0.0.1:" + port);
	}

	private record JsonBalance(long available) {
	}

	/** Cookies are per host, not per port: the two nodes on 127.0.0.1 see the same ones, as behind one balancer. */
	private static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		HttpResponse<String> get(Api node, String path) {
			return send(HttpRequest.newBuilder(URI.create(node.base() + path)).GET());
		}

		HttpResponse<String> post(Api node, String path, String form) {
			return send(HttpRequest.newBuilder(URI.create(node.base() + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return http.send(request.header("Accept", "text/html").header("Accept-Language", "en").build(),
						HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}

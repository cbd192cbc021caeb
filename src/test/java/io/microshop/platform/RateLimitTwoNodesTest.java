package io.microshop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.MicroshopApplication;
import io.microshop.identity.Identity;
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
 * Two app nodes on one database, as in production behind a load balancer: a limit holds
 * whichever node answers, a refused request changes nothing, and the allowance comes back
 * after the period. The nodes start with low limits of their own (passed as arguments, which
 * win over application.properties); the shared test context keeps its high ones.
 */
class RateLimitTwoNodesTest {

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static Api[] nodes;

	private static JdbcClient jdbc;

	@BeforeAll
	static void startTwoNodes() {
		first = start();
		second = start();
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
	void theSixthTokenRequestIsRefusedOnEitherNodeAndAllowedAgainAfterThePeriod() {
		String phone = Scenario.newPhone();
		var created = nodes[0].post("/api/v1/accounts", null,
				Api.map("phone", phone, "password", "password-123", "name", "Limited"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		for (int attempt = 0; attempt < 5; attempt++) {
			// a wrong password counts as much as a right one
			String password = attempt == 2 ? "wrong-password" : "password-123";
			var answer = nodes[attempt % 2].post("/api/v1/tokens", null, Api.map("phone", phone, "password", password));
			assertThat(answer.status()).as(answer.toString()).isEqualTo(attempt == 2 ? 401 : 201);
		}
		for (Api node : nodes) {
			var refused = node.post("/api/v1/tokens", null, Api.map("phone", phone, "password", "password-123"));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
			assertThat(refused.problemType()).isEqualTo("https://microshop.dev/problems/rate-limited");
			assertThat(refused.contentType()).startsWith("application/problem+json");
			long retryAfter = Long.parseLong(refused.headers().get("retry-after").get(0));
			assertThat(retryAfter).isBetween(1L, 4L);
		}
		// another phone has its own allowance
		var other = nodes[1].post("/api/v1/tokens", null,
				Api.map("phone", Scenario.newPhone(), "password", "password-123"));
		assertThat(other.status()).as(other.toString()).isEqualTo(401);

		var refused = nodes[0].post("/api/v1/tokens", null, Api.map("phone", phone, "password", "password-123"));
		long retryAfter = Long.parseLong(refused.headers().get("retry-after").get(0));
		Scenario.sleep(retryAfter * 1000 + 300);
		var again = nodes[1].post("/api/v1/tokens", null, Api.map("phone", phone, "password", "password-123"));
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
	}

	@Test
	void aRefusedOrderReservesNothingAndCreatesNoOrder() {
		Scenario scenario = new Scenario(nodes[0]);
		Scenario.Market market = scenario.market(1_000, 1_200, 1_500, 10, 0);
		Scenario.User buyer = scenario.user();
		String firstKey = "first-" + UUID.randomUUID();
		Map<String, Object> firstBody = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		var first = nodes[0].post("/api/v1/orders", buyer.token(), firstBody, Map.of("Idempotency-Key", firstKey));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		var second = nodes[1].post("/api/v1/orders", buyer.token(),
				scenario.orderBody(market.listingId(), market.product().skuId(), 1));
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		for (Api node : nodes) {
			var refused = node.post("/api/v1/orders", buyer.token(),
					scenario.orderBody(market.listingId(), market.product().skuId(), 1));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
			assertThat(refused.problemType()).isEqualTo("https://microshop.dev/problems/rate-limited");
			assertThat(Long.parseLong(refused.headers().get("retry-after").get(0))).isBetween(1L, 60L);
		}
		// past the limit, a retry of an order already placed is still answered with that order, and
		// its key with another request is still a conflict: neither is a new order
		for (Api node : nodes) {
			var retried = node.post("/api/v1/orders", buyer.token(), firstBody, Map.of("Idempotency-Key", firstKey));
			assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
			assertThat(retried.id()).isEqualTo(first.id());
		}
		var otherBody = nodes[1].post("/api/v1/orders", buyer.token(),
				scenario.orderBody(market.listingId(), market.product().skuId(), 2), Map.of("Idempotency-Key", firstKey));
		assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(409);
		var unusedKey = nodes[0].post("/api/v1/orders", buyer.token(),
				scenario.orderBody(market.listingId(), market.product().skuId(), 1),
				Map.of("Idempotency-Key", "unused-" + UUID.randomUUID()));
		assertThat(unusedKey.status()).as(unusedKey.toString()).isEqualTo(429);
		assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE buyer_account_id = ?::uuid")
			.param(buyer.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		// the two orders hold their units; the shared test context's scheduler, whose clock earlier
		// tests moved days ahead, may already have cancelled one as unpaid and given its unit back
		long holding = jdbc.sql("SELECT count(*) FROM orders WHERE buyer_account_id = ?::uuid AND status <> 'CANCELLED'")
			.param(buyer.id())
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("SELECT stock FROM skus WHERE id = ?::uuid").param(market.product().skuId())
			.query(Integer.class)
			.single()).isEqualTo(10 - (int) holding);
		// another buyer is not held back by this one
		var other = nodes[1].post("/api/v1/orders", scenario.user().token(),
				scenario.orderBody(market.listingId(), market.product().skuId(), 1));
		assertThat(other.status()).as(other.toString()).isEqualTo(201);
	}

	@Test
	void aRefusedShareCreatesNoLink() {
		Scenario scenario = new Scenario(nodes[1]);
		Scenario.Market market = scenario.market(1_000, 1_200, 1_500, 10, 0);
		Scenario.User fan = scenario.user();
		for (int i = 0; i < 2; i++) {
			var shared = nodes[i % 2].post("/api/v1/shares", fan.token(), Api.map("listingId", market.listingId()));
			assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
		}
		var refused = nodes[0].post("/api/v1/shares", fan.token(), Api.map("listingId", market.listingId()));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.headers()).containsKey("retry-after");
		assertThat(jdbc.sql("SELECT count(*) FROM share_links WHERE sharer_account_id = ?::uuid")
			.param(fan.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aRefusedSignInCodeIsNotSent() {
		String phone = Scenario.newPhone();
		first.getBean(Identity.class).sendSignInCode(phone);
		second.getBean(Identity.class).sendSignInCode(phone);
		assertThatThrownBy(() -> first.getBean(Identity.class).sendSignInCode(phone)).isInstanceOfSatisfying(
				Problem.class, p -> {
					assertThat(p.status().value()).isEqualTo(429);
					assertThat(p.retryAfterSeconds()).isPresent();
				});
		assertThat(jdbc.sql("SELECT count(*) FROM dev_sms_messages WHERE phone = ?").param(phone)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private static ConfigurableApplicationContext start() {
		List<String> args = List.of("--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
				"--spring.datasource.username=" + TestDatabase.user(),
				"--spring.datasource.password=" + TestDatabase.password(), "--microshop.demo-data=false",
				"--microshop.operator.phone=+8613000000000", "--microshop.operator.password=operator-secret",
				"--microshop.files.dir=target/test-files", "--spring.datasource.hikari.maximum-pool-size=5",
				// these nodes come and go within this test: they leave the shared context's events and schedules alone
				"--db-scheduler.enabled=false", "--spring.modulith.events.republish-outstanding-events-on-restart=false",
				"--microshop.rate-limits.tokens.capacity=5", "--microshop.rate-limits.tokens.period=PT4S",
				"--microshop.rate-limits.orders.capacity=2", "--microshop.rate-limits.orders.period=PT1M",
				"--microshop.rate-limits.shares.capacity=2", "--microshop.rate-limits.shares.period=PT1H",
				"--microshop.rate-limits.sms-codes.capacity=2", "--microshop.rate-limits.sms-codes.period=PT10M");
		return new SpringApplicationBuilder(MicroshopApplication.class).run(args.toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new Api("http://127.0.0.1:" + port);
	}

}

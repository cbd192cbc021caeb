package io.microshop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.microshop.MicroshopApplication;
import io.microshop.support.Api;
import io.microshop.support.Scenario;
import io.microshop.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Guessing a password is slowed down, then stopped, per account: after a run of failures the
 * next attempt waits (back-off, 429 with Retry-After, even with the right password), and past
 * the hourly failure limit every attempt is refused until the hour is over. An instance of its
 * own with small limits (the production ones: 5 then back-off, 100 an hour).
 */
class SignInBruteForceTest {

	@Test
	void failuresBackOffAndThenStopPerAccount() {
		List<String> args = List.of("--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
				"--spring.datasource.username=" + TestDatabase.user(),
				"--spring.datasource.password=" + TestDatabase.password(), "--microshop.demo-data=false",
				"--microshop.files.dir=target/test-files", "--spring.datasource.hikari.maximum-pool-size=4",
				"--db-scheduler.enabled=false", "--spring.modulith.events.republish-outstanding-events-on-restart=false",
				"--microshop.rate-limits.sign-in-backoff.capacity=3", "--microshop.rate-limits.sign-in-backoff.period=PT6S",
				"--microshop.rate-limits.sign-in-failures.capacity=6",
				"--microshop.rate-limits.sign-in-failures.period=PT1H");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MicroshopApplication.class)
			.run(args.toArray(String[]::new))) {
			Api api = new Api("http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort());
			Scenario.User user = new Scenario(api).user();
			Scenario.User neighbour = new Scenario(api).user();

			for (int i = 0; i < 3; i++) {
				assertThat(attempt(api, user, "wrong-" + i).status()).isEqualTo(401);
			}
			Api.Response backedOff = attempt(api, user, "password-123");
			assertThat(backedOff.status()).as("back-off even with the right password").isEqualTo(429);
			assertThat(backedOff.headers()).containsKey("retry-after");
			assertThat(attempt(api, neighbour, "password-123").status()).as("another account is not held").isEqualTo(201);

			Scenario.sleep(Long.parseLong(backedOff.headers().get("retry-after").get(0)) * 1000 + 200);
			assertThat(attempt(api, user, "password-123").status()).isEqualTo(201);
			for (int i = 0; i < 3; i++) {
				assertThat(attempt(api, user, "wrong-again-" + i).status()).isEqualTo(401);
			}
			Scenario.sleep(6_300);
			Api.Response stopped = attempt(api, user, "password-123");
			assertThat(stopped.status()).as("6 failures within the hour: stopped").isEqualTo(429);
			assertThat(Long.parseLong(stopped.headers().get("retry-after").get(0))).isGreaterThan(60);
		}
	}

	private static Api.Response attempt(Api api, Scenario.User user, String password) {
		return api.post("/api/v1/tokens", null, Api.map("phone", user.phone(), "password", password));
	}

}

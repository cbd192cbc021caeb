package io.microshop.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that talk to the running app over real HTTP, on the one test database. Every
 * subclass shares one Spring context (same configuration), so the app starts once per JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "microshop.demo-data=false", "db-scheduler.polling-interval=1s",
				"microshop.orders.sweep-interval=PT1S", "microshop.operator.phone=+8613000000000",
				"microshop.operator.password=operator-secret", "spring.datasource.hikari.maximum-pool-size=20",
				"logging.level.io.microshop=INFO", "microshop.files.dir=target/test-files",
				"microshop.rate-limits.tokens.capacity=100000", "microshop.rate-limits.sms-codes.capacity=100000",
				"microshop.rate-limits.shares.capacity=100000", "microshop.rate-limits.orders.capacity=100000",
				"microshop.rate-limits.sign-in-failures.capacity=100000",
				"microshop.rate-limits.sign-in-backoff.capacity=100000" })
@Import(TestClockConfiguration.class)
public abstract class AppTest {

	public static final String OPERATOR_PHONE = "+8613000000000";

	public static final String OPERATOR_PASSWORD = "operator-secret";

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	protected Api api;

	protected Scenario scenario;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestDatabase::url);
		registry.add("spring.datasource.username", TestDatabase::user);
		registry.add("spring.datasource.password", TestDatabase::password);
	}

	@BeforeEach
	void client() {
		api = new Api("http://127.0.0.1:" + port);
		scenario = new Scenario(api);
	}

	protected String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

}

package io.microshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.microshop.MicroshopApplication;
import io.microshop.identity.Identity;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@code ./mvnw spring-boot:run} does: no datasource configured, so the app starts its
 * own PostgreSQL with data under a directory that survives a restart, and seeds the demo once.
 */
class EmbeddedDatabaseRestartTest {

	@Test
	void dataSurvivesARestartAndTheDemoIsSeededOnce() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "embedded-restart-");
		String phone = Scenario.newPhone();
		try (ConfigurableApplicationContext first = start(dir)) {
			first.getBean(Identity.class).register(phone, "password-123", "Survivor");
			assertThat(shops(first)).isEqualTo(1);
		}
		try (ConfigurableApplicationContext second = start(dir)) {
			assertThat(second.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM accounts WHERE phone = ?")
				.param(phone)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(shops(second)).isEqualTo(1);
		}
	}

	private static long shops(ConfigurableApplicationContext context) {
		return context.getBean(JdbcClient.class)
			.sql("SELECT count(*) FROM shops WHERE slug = 'demo-tea'")
			.query(Long.class)
			.single();
	}

	private static ConfigurableApplicationContext start(Path dir) {
		return new SpringApplicationBuilder(MicroshopApplication.class).run("--server.port=0",
				"--microshop.embedded-db.data-dir=" + dir.resolve("pg"), "--microshop.demo-data=true",
				"--db-scheduler.enabled=false");
	}

}

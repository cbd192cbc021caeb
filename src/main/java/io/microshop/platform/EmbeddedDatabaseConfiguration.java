package io.microshop.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL shipped in a Maven artifact when no {@code spring.datasource.url}
 * is given, so {@code ./mvnw spring-boot:run} needs nothing installed. Its data directory
 * survives restarts. Boot's own DataSource auto-configuration backs off because a
 * {@link DataSource} bean exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${microshop.embedded-db.data-dir:./data/pg}") String dataDir,
			@Value("${microshop.embedded-db.port:0}") int port) throws IOException {
		Path dir = Path.of(dataDir).toAbsolutePath();
		Files.createDirectories(dir);
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "200");
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres pg = builder.start();
		log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
		return pg;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres pg,
			@Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(poolSize);
		config.setConnectionTimeout(3000);
		config.setPoolName("microshop-embedded");
		return new HikariDataSource(config);
	}

}

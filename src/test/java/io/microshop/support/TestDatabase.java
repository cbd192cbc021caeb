package io.microshop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL per test JVM: the embedded one (a real server from a Maven artifact), or
 * the server named by {@code MICROSHOP_TEST_DB_URL} (CI runs the API tests once against the
 * machine's PostgreSQL 15 this way).
 */
public final class TestDatabase {

	private static String url;

	private static String user;

	private static String password;

	private TestDatabase() {
	}

	public static synchronized String url() {
		if (url == null) {
			start();
		}
		return url;
	}

	public static String user() {
		url();
		return user;
	}

	public static String password() {
		url();
		return password;
	}

	public static boolean external() {
		return System.getenv("MICROSHOP_TEST_DB_URL") != null;
	}

	private static void start() {
		if (external()) {
			url = System.getenv("MICROSHOP_TEST_DB_URL");
			user = System.getenv().getOrDefault("MICROSHOP_TEST_DB_USER", "postgres");
			password = System.getenv().getOrDefault("MICROSHOP_TEST_DB_PASSWORD", "");
			return;
		}
		try {
			Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-pg-");
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(true)
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.start();
			url = pg.getJdbcUrl("postgres", "postgres");
			user = "postgres";
			password = "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.microshop.platform.ratelimit;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Rate limits that hold across nodes: bucket4j's buckets kept in PostgreSQL (table
 * {@code rate_limit_buckets}, one row per limit and key, locked with {@code SELECT ... FOR
 * UPDATE} while a request takes from it). A module declares its limit by name with a default;
 * {@code microshop.rate-limits.<name>.capacity} and {@code .period} (ISO-8601) override it.
 */
@Component
public class RateLimits {

	static final String TABLE = "rate_limit_buckets";

	/** Rows outlive the time their bucket takes to fill up again by this much, then may be swept. */
	private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final Environment environment;

	RateLimits(DataSource dataSource, Environment environment) {
		this.environment = environment;
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
			.build();
	}

	/** The limit of this name, with the settings' capacity and period or else the defaults given. */
	public RateLimit named(String name, long defaultCapacity, Duration defaultPeriod) {
		String prefix = "microshop.rate-limits." + name;
		long capacity = environment.getProperty(prefix + ".capacity", Long.class, defaultCapacity);
		Duration period = environment.getProperty(prefix + ".period", Duration.class, defaultPeriod);
		return new RateLimit(name, capacity, period, buckets);
	}

	/** Deletes up to {@code batch} rows of buckets that are full again (a full bucket is no row). */
	int sweep(int batch) {
		return buckets.removeExpired(batch);
	}

}

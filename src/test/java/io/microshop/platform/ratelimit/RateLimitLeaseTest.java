package io.microshop.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.microshop.platform.Problem;
import io.microshop.support.AppTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * A generous limit is taken from PostgreSQL a lease at a time; the database still holds it:
 * one node gets exactly the capacity, two nodes sharing the bucket never more, and the
 * bucket row is touched once per lease, not once per request.
 */
class RateLimitLeaseTest extends AppTest {

	private static final long CAPACITY = 40;

	@Autowired
	DataSource dataSource;

	/** Connections the limits asked for: bucket4j takes one for each look at a bucket. */
	private final AtomicInteger connections = new AtomicInteger();

	private RateLimit node(String name) {
		DataSource counted = new DelegatingDataSource(dataSource) {
			@Override
			public Connection getConnection() throws SQLException {
				connections.incrementAndGet();
				return super.getConnection();
			}
		};
		return new RateLimits(counted, new MockEnvironment()).named(name, CAPACITY, Duration.ofHours(1));
	}

	@Test
	void oneNodeGetsExactlyTheCapacityAndTouchesTheBucketOncePerLease() {
		String name = "lease-" + UUID.randomUUID().toString().substring(0, 8);
		RateLimit limit = node(name);
		String key = "buyer-1";
		// the first request creates the bucket's row and takes the first lease
		limit.check(key);
		connections.set(0);
		for (int i = 1; i < CAPACITY; i++) {
			limit.check(key);
		}
		// a lease is a twentieth of the capacity (2 here): 19 more takes from the bucket for 39 requests
		assertThat(connections.get()).isEqualTo(19);
		assertThatThrownBy(() -> limit.check(key)).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
		// another key has its own allowance
		limit.check("buyer-2");
		// refused: one try for a lease, one for a single request; then the other key's first lease
		assertThat(connections.get()).isGreaterThanOrEqualTo(19 + 2 + 1);
	}

	@Test
	void requestsArrivingTogetherOnOneNodeShareOneLeaseAndAllGetThrough() throws Exception {
		RateLimit limit = node("lease-" + UUID.randomUUID().toString().substring(0, 8));
		int callers = (int) CAPACITY;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int t = 0; t < callers; t++) {
				answers.add(pool.submit(() -> {
					start.await();
					try {
						limit.check("buyer");
						return true;
					}
					catch (Problem refused) {
						return false;
					}
				}));
			}
			start.countDown();
			int allowed = 0;
			for (Future<Boolean> answer : answers) {
				allowed += answer.get() ? 1 : 0;
			}
			// the whole capacity at once: no request took a lease another one then overwrote
			assertThat(allowed).isEqualTo(callers);
			assertThatThrownBy(() -> limit.check("buyer")).isInstanceOf(Problem.class);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoNodesSharingTheBucketNeverAllowMoreThanTheCapacity() throws Exception {
		String name = "lease-" + UUID.randomUUID().toString().substring(0, 8);
		RateLimit first = node(name);
		RateLimit second = node(name);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> callers = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				RateLimit limit = t % 2 == 0 ? first : second;
				callers.add(() -> {
					int allowed = 0;
					for (int i = 0; i < 20; i++) {
						try {
							limit.check("buyer");
							allowed++;
						}
						catch (Problem refused) {
							assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
						}
					}
					return allowed;
				});
			}
			int allowed = 0;
			for (Future<Integer> f : pool.invokeAll(callers)) {
				allowed += f.get();
			}
			// at most one unspent lease per node is lost to the caller: 2 requests each here
			System.out.printf("rate-limit lease: 160 requests over two nodes, %d allowed of %d%n", allowed, CAPACITY);
			assertThat(allowed).isBetween((int) CAPACITY - 2 * 2, (int) CAPACITY);
		}
		finally {
			pool.shutdownNow();
		}
	}

}

package io.microshop.platform.ratelimit;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sweeps buckets that have filled up again, so the table holds only keys seen lately. */
@Configuration(proxyBeanMethods = false)
class RateLimitSweepTask {

	private static final Logger log = LoggerFactory.getLogger(RateLimitSweepTask.class);

	private static final int BATCH = 1_000;

	@Bean
	RecurringTask<Void> rateLimitSweep(RateLimits limits) {
		return Tasks.recurring("rate-limit-sweep", FixedDelay.of(Duration.ofMinutes(5))).execute((instance, context) -> {
			int removed;
			int total = 0;
			do {
				removed = limits.sweep(BATCH);
				total += removed;
			}
			while (removed == BATCH);
			if (total > 0) {
				log.debug("Rate limits: {} idle buckets swept", total);
			}
		});
	}

}

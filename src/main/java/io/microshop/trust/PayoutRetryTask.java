package io.microshop.trust;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Finishes withdrawals left PROCESSING (the node stopped, or the provider failed, between
 * booking and payout): asks the provider again with the same withdrawal id, once a minute,
 * on one node of many.
 */
@Configuration(proxyBeanMethods = false)
class PayoutRetryTask {

	private static final Logger log = LoggerFactory.getLogger(PayoutRetryTask.class);

	@Bean
	RecurringTask<Void> payoutRetries(Withdrawals withdrawals) {
		return Tasks.recurring("payout-retries", FixedDelay.of(Duration.ofMinutes(1)))
			.execute((instance, context) -> {
				int finished = withdrawals.retryStuck(Duration.ofMinutes(1));
				if (finished > 0) {
					log.info("Payout retries: {} withdrawals finished", finished);
				}
			});
	}

}

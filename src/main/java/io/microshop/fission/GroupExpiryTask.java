package io.microshop.fission;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.microshop.ordering.OrderSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fails group buys whose window closed short, by db-scheduler (one node of many runs each
 * round); the time rule reads the injected clock, not this schedule.
 */
@Configuration(proxyBeanMethods = false)
class GroupExpiryTask {

	private static final Logger log = LoggerFactory.getLogger(GroupExpiryTask.class);

	@Bean
	RecurringTask<Void> groupExpiry(GroupBuys groups, OrderSettings settings) {
		return Tasks.recurring("group-expiry", FixedDelay.of(settings.sweepInterval()))
			.execute((instance, context) -> {
				int failed = groups.failExpired();
				if (failed > 0) {
					log.info("Group buys: {} expired groups failed and their orders cancelled", failed);
				}
			});
	}

}

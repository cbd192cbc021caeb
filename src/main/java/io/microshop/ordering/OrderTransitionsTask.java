package io.microshop.ordering;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled transitions, run by db-scheduler: its row in {@code scheduled_tasks} makes
 * one node of many run each round. Time rules read the injected clock, not this schedule.
 */
@Configuration(proxyBeanMethods = false)
class OrderTransitionsTask {

	private static final Logger log = LoggerFactory.getLogger(OrderTransitionsTask.class);

	@Bean
	RecurringTask<Void> orderTransitions(OrderLifecycle lifecycle, OrderSettings settings) {
		return Tasks.recurring("order-transitions", FixedDelay.of(settings.sweepInterval()))
			.execute((instance, context) -> {
				int cancelled = lifecycle.cancelOverdueUnpaid();
				int received = lifecycle.autoReceive();
				int settled = lifecycle.settleDue();
				if (cancelled + received + settled > 0) {
					log.info("Order transitions: {} unpaid cancelled, {} auto-received, {} settled", cancelled, received,
							settled);
				}
			});
	}

}

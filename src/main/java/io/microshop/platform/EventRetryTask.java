package io.microshop.platform;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Events whose listener failed (the database was down, say) stay incomplete in the event
 * publication registry. They are republished at restart, and also here, once a minute on one
 * node, when older than {@code microshop.events.retry-after} (default 1 minute): a node
 * recovers from an outage without a restart. Listeners are idempotent, as a redelivery needs.
 */
@Configuration(proxyBeanMethods = false)
class EventRetryTask {

	@Bean
	RecurringTask<Void> incompleteEventRetries(IncompleteEventPublications incomplete,
			@Value("${microshop.events.retry-after:PT1M}") Duration retryAfter) {
		return Tasks.recurring("incomplete-event-retries", FixedDelay.of(Duration.ofMinutes(1)))
			.execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(retryAfter));
	}

}

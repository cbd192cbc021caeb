package io.microshop.fission;

import static io.microshop.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.microshop.support.AppTest;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Fraud detection runs on its own two threads, and every other listener still on Boot's task
 * executor: a paid order is judged on the one and paid through the other.
 */
class FraudDetectionExecutorTest extends AppTest {

	@Autowired
	@Qualifier(FraudDetection.EXECUTOR)
	ThreadPoolTaskExecutor fraud;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	ThreadPoolTaskExecutor listeners;

	@Test
	void aPaidOrderIsJudgedOnTheFraudThreadsAndPaidOnTheListenersThreads() {
		assertThat(fraud).isNotSameAs(listeners);
		assertThat(fraud.getMaxPoolSize()).isEqualTo(2);
		long judged = fraud.getThreadPoolExecutor().getCompletedTaskCount();
		long handled = listeners.getThreadPoolExecutor().getCompletedTaskCount();
		Market market = scenario.market(1_000, 1_200, 1_500, 10, 0);
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, 1);

		scenario.pay(buyer, order);

		eventually(() -> assertThat(fraud.getThreadPoolExecutor().getCompletedTaskCount()).isGreaterThan(judged));
		eventually(() -> assertThat(listeners.getThreadPoolExecutor().getCompletedTaskCount()).isGreaterThan(handled));
		// what the fraud thread wrote: the order's signals
		eventually(() -> assertThat(jdbc.sql("SELECT count(*) FROM order_signals WHERE order_id = ?")
			.param(java.util.UUID.fromString(order.id()))
			.query(Long.class)
			.single()).isEqualTo(1));
	}

}

package io.microshop.fission;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AliasFor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Fraud detection runs on threads of its own: judging a shop's orders waits for the shop's
 * lock, and a big cluster takes a while, so on the listeners' shared threads it would hold
 * back payments and settlements, and under a crowd of buyers take connections and cores
 * from checkout. Its few threads bound what it costs; its queue catches up after the crowd.
 */
@Configuration(proxyBeanMethods = false)
class FraudDetection {

	static final String EXECUTOR = "fraudDetectionExecutor";

	/** Two threads: judgements of different shops still run side by side. */
	@Bean(EXECUTOR)
	ThreadPoolTaskExecutor fraudDetectionExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		executor.setThreadNamePrefix("fraud-");
		return executor;
	}

	/**
	 * An application module listener ({@code @ApplicationModuleListener}: after commit, in a
	 * transaction of its own, its publication kept until it returns) on the fraud detection
	 * threads.
	 */
	@Async(EXECUTOR)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	@TransactionalEventListener
	@Documented
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@interface Listener {

		@AliasFor(annotation = TransactionalEventListener.class, attribute = "condition")
		String condition() default "";

	}

}

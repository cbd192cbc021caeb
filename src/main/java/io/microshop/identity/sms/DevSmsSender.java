package io.microshop.identity.sms;

import java.sql.Timestamp;
import java.time.Clock;

import io.microshop.identity.PhoneNumbers;
import io.microshop.identity.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The development SMS gateway: logs each message and keeps it for the dev inbox page, in
 * the database so every app node's inbox shows it. Active only with
 * {@code microshop.sms.provider=dev}.
 */
@Component
@ConditionalOnProperty(name = "microshop.sms.provider", havingValue = "dev", matchIfMissing = true)
class DevSmsSender implements SmsSender {

	private static final Logger log = LoggerFactory.getLogger(DevSmsSender.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	DevSmsSender(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void send(String phone, String text) {
		log.info("[dev SMS] to {}: {}", PhoneNumbers.masked(phone), text);
		jdbc.sql("INSERT INTO dev_sms_messages (phone, text, sent_at) VALUES (?, ?, ?)")
			.params(phone, text, Timestamp.from(clock.instant()))
			.update();
	}

}

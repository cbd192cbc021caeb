package io.microshop.identity;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operator comes from {@code microshop.operator.*}: with a password set there, that phone
 * signs in as an operator with it after every start; without one, a first operator is created
 * with a random password, logged once, at the start that creates the account.
 */
@Component
@Order(0)
class OperatorBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

	private final Identity identity;

	private final String phone;

	private final String password;

	OperatorBootstrap(Identity identity, @Value("${microshop.operator.phone:+8613800000000}") String phone,
			@Value("${microshop.operator.password:}") String password) {
		this.identity = identity;
		this.phone = phone;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		String secret = password;
		if (secret.isBlank()) {
			byte[] bytes = new byte[12];
			new SecureRandom().nextBytes(bytes);
			secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		if (identity.ensureOperator(phone, secret, !password.isBlank())) {
			log.info("Operator account: phone {} password {}", phone,
					password.isBlank() ? secret + " (generated, shown once)" : "(from microshop.operator.password)");
		}
	}

}

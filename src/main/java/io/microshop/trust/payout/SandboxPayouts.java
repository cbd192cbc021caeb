package io.microshop.trust.payout;

import io.microshop.trust.PayoutProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The built-in payout provider for development, tests and demos: every payout succeeds at
 * once with a reference derived from the withdrawal, so a retry gets the same answer.
 */
@Component
class SandboxPayouts implements PayoutProvider {

	private static final Logger log = LoggerFactory.getLogger(SandboxPayouts.class);

	@Override
	public Result payOut(Request request) {
		log.info("Sandbox payout of {} {} to {} for withdrawal {}", request.amount(), request.currency(),
				request.payee(), request.withdrawalId());
		return Result.paid("sbx_po_" + request.withdrawalId().toString().replace("-", "").substring(0, 20));
	}

}

package io.microshop.payment.web;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.payment.Payments;
import io.microshop.payment.PaymentView;
import io.microshop.payment.sandbox.SandboxSignature;
import io.microshop.platform.Ids;
import io.microshop.platform.Problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
class PaymentsController {

	private final Payments payments;

	private final JsonMapper json;

	private final Clock clock;

	private final String secret;

	PaymentsController(Payments payments, JsonMapper json, Clock clock,
			@Value("${microshop.payments.sandbox.webhook-secret}") String secret) {
		this.payments = payments;
		this.json = json;
		this.clock = clock;
		this.secret = secret;
	}

	@PostMapping("/api/v1/payments/{paymentId}/sandbox-pay")
	PaymentView sandboxPay(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID paymentId) {
		return payments.pay(paymentId, me);
	}

	/**
	 * Signed by the sandbox provider; the raw body is what was signed, so it is read as text,
	 * whatever content type the sender named (the signature, not the header, vouches for it).
	 */
	@PostMapping("/api/v1/payments/webhooks/sandbox")
	Map<String, Object> sandboxWebhook(@RequestHeader(name = "Sandbox-Signature", required = false) String signature,
			@RequestBody String body) {
		if (!SandboxSignature.verify(secret, signature, body, clock.instant())) {
			throw invalid("The signature is missing, wrong or older than five minutes.");
		}
		JsonNode event;
		try {
			event = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw invalid("The body is not JSON.");
		}
		String id = text(event, "id");
		String type = text(event, "type");
		if (id == null || type == null || id.length() > 100) {
			throw invalid("The event has no id or type.");
		}
		if (!"payment.succeeded".equals(type)) {
			return Map.of("received", true, "duplicate", !payments.recordOther(id, type, body));
		}
		UUID paymentId = Ids.parse(text(event, "paymentId")).orElseThrow(() -> invalid("Unknown payment."));
		JsonNode amount = event.get("amount");
		String currency = text(event, "currency");
		if (amount == null || !amount.canConvertToLong() || !amount.isIntegralNumber() || currency == null) {
			throw invalid("The event has no integer amount or no currency.");
		}
		boolean fresh = payments.succeeded(id, type, paymentId, amount.longValue(), currency, body);
		return Map.of("received", true, "duplicate", !fresh);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	private static Problem invalid(String detail) {
		return new Problem(HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook", detail);
	}

}

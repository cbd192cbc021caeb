package io.microshop.payment.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.microshop.payment.PaymentProvider;
import io.microshop.payment.PaymentView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in sandbox provider. "Collecting" means what a real provider does after the
 * buyer approves: it sends a signed {@code payment.succeeded} webhook to the platform over
 * HTTP, and retries a few times if the platform does not answer 2xx.
 */
@Component
class SandboxProvider implements PaymentProvider {

	private static final Logger log = LoggerFactory.getLogger(SandboxProvider.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json;

	private final Clock clock;

	private final String secret;

	private final String configuredUrl;

	private volatile int localPort = 8080;

	SandboxProvider(JsonMapper json, Clock clock, @Value("${microshop.payments.sandbox.webhook-secret}") String secret,
			@Value("${microshop.payments.sandbox.webhook-url:}") String configuredUrl) {
		this.json = json;
		this.clock = clock;
		this.secret = secret;
		this.configuredUrl = configuredUrl;
	}

	@EventListener
	void onServerStarted(WebServerInitializedEvent event) {
		localPort = event.getWebServer().getPort();
	}

	@Override
	public String name() {
		return "sandbox";
	}

	@Override
	public void collect(PaymentView payment) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
		event.put("type", "payment.succeeded");
		event.put("paymentId", payment.id().toString());
		event.put("amount", payment.amount());
		event.put("currency", payment.currency());
		String body = json.writeValueAsString(event);
		CompletableFuture.runAsync(() -> deliver(body, 1), CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
	}

	/** The sandbox gives money back at once; its reference is derived from the refund id, so a retry gets the same one. */
	@Override
	public String refund(Refund refund) {
		log.info("Sandbox refund {} of payment {}: {} {}", refund.refundId(), refund.paymentId(), refund.amount(),
				refund.currency());
		return "sbx_rf_" + refund.refundId().toString().replace("-", "");
	}

	private void deliver(String body, int attempt) {
		String signature = SandboxSignature.sign(secret, clock.instant().getEpochSecond(), body);
		HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Sandbox-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
			boolean delivered = error == null && response.statusCode() / 100 == 2;
			if (!delivered && attempt < 6) {
				long delay = 200L << attempt;
				CompletableFuture.runAsync(() -> deliver(body, attempt + 1),
						CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
			}
			else if (!delivered) {
				log.warn("Sandbox webhook not delivered after {} attempts: {}", attempt,
						error != null ? error.toString() : response.statusCode());
			}
		});
	}

	private String webhookUrl() {
		return configuredUrl.isBlank() ? "http://127.0.0.1:" + localPort + "/api/v1/payments/webhooks/sandbox"
				: configuredUrl;
	}

}

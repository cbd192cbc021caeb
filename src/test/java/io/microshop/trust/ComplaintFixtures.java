package io.microshop.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.Scenario;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;

import tools.jackson.databind.JsonNode;

/** What the complaint tests share: orders in a given state, complaints, problems, uploads. */
final class ComplaintFixtures {

	// supply 20.00, price 39.00, shipping 8.00: 2 units pay 86.00, the margin is 19.00 per unit
	static final long SUPPLY = 2_000;

	static final long PRICE = 3_900;

	static final long SHIPPING = 800;

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ComplaintFixtures() {
	}

	static Market market(Scenario scenario) {
		return scenario.market(SUPPLY, 3_000, PRICE, 50, SHIPPING);
	}

	/** A paid order of {@code quantity} units, through a share code when one is given. */
	static Api.Response paidOrder(Api api, Scenario scenario, Market market, User buyer, int quantity,
			String shareCode) {
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), quantity);
		if (shareCode != null) {
			body.put("shareCode", shareCode);
		}
		var order = api.post("/api/v1/orders", buyer.token(), body);
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		scenario.pay(buyer, order);
		return order;
	}

	static void ship(Api api, Market market, String orderId) {
		var shipped = api.post("/api/v1/suppliers/" + market.product().supplierId() + "/orders/" + orderId
				+ "/shipments", market.supplier().token(), Api.map("carrier", "SF Express", "trackingNumber", "SF2001"));
		assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
	}

	static void receive(Api api, User buyer, String orderId) {
		var received = api.post("/api/v1/orders/" + orderId + "/confirm-receipt", buyer.token(), null);
		assertThat(received.status()).as(received.toString()).isEqualTo(200);
	}

	/** A paid, shipped and received order: in its protection window. */
	static String receivedOrder(Api api, Scenario scenario, Market market, User buyer, String shareCode) {
		String orderId = paidOrder(api, scenario, market, buyer, 2, shareCode).id();
		ship(api, market, orderId);
		receive(api, buyer, orderId);
		return orderId;
	}

	static Api.Response complain(Api api, User buyer, String orderId) {
		return api.post("/api/v1/orders/" + orderId + "/complaints", buyer.token(),
				Api.map("reason", "DAMAGED", "text", "The tin arrived crushed and the tea is spilled."));
	}

	static String openComplaint(Api api, User buyer, String orderId) {
		var complaint = complain(api, buyer, orderId);
		assertThat(complaint.status()).as(complaint.toString()).isEqualTo(201);
		return complaint.id();
	}

	static Api.Response decide(Api api, String token, String complaintId, Object body) {
		return api.post("/api/v1/ops/complaints/" + complaintId + "/decision", token, body);
	}

	/** An RFC 9457 problem with this status whose {@code type} ends with the kind. */
	static JsonNode assertProblem(Api.Response response, int status, String type) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("type").asString()).as(response.toString()).endsWith("/" + type);
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception");
		return body;
	}

	static void assertFieldError(Api.Response response, String field) {
		JsonNode body = assertProblem(response, 422, "invalid-request");
		assertThat(body.get("errors").propertyNames()).as(response.toString()).contains(field);
	}

	/** Retries an assertion for a few seconds: listeners run after their transaction committed. */
	static void eventually(Runnable assertion) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			try {
				assertion.run();
				return;
			}
			catch (AssertionError ex) {
				if (System.currentTimeMillis() > deadline) {
					throw ex;
				}
				Scenario.sleep(100);
			}
		}
	}

	/** A tiny valid PNG (1 x 1 pixel). */
	static byte[] png() {
		return java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");
	}

	/** Posts one file as multipart form data, field {@code file}. */
	static Api.Response upload(Api api, String path, String token, String filename, String contentType,
			byte[] bytes) {
		String boundary = "----microshop" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		body.writeBytes(bytes);
		write(body, "\r\n--" + boundary + "--\r\n");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json, application/problem+json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	/** GETs raw bytes. */
	static HttpResponse<byte[]> download(Api api, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Api.Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}

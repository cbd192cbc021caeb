package io.microshop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the API, as an outside integration would use it. */
public class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(String base) {
		this.base = base;
	}

	public String base() {
		return base;
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null, Map.of());
	}

	public Response post(String path, String token, Object body) {
		return send("POST", path, token, body, Map.of());
	}

	public Response post(String path, String token, Object body, Map<String, String> headers) {
		return send("POST", path, token, body, headers);
	}

	public Response patch(String path, String token, Object body) {
		return send("PATCH", path, token, body, Map.of());
	}

	/** Sends a body as given: a String is sent raw, anything else as JSON. */
	public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
		String raw = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, raw == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(raw));
		Map<String, String> all = new LinkedHashMap<>();
		if (raw != null) {
			all.put("Content-Type", "application/json");
		}
		if (token != null) {
			all.put("Authorization", "Bearer " + token);
		}
		all.put("Accept", "application/json, application/problem+json");
		all.putAll(headers);
		all.forEach(request::setHeader);
		return answer(request.build());
	}

	/** A multipart/form-data POST of one file part. */
	public Response upload(String path, String token, String field, String filename, String contentType,
			byte[] bytes) {
		String boundary = "----microshop" + Long.toHexString(System.nanoTime());
		var body = new java.io.ByteArrayOutputStream();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
		body.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return answer(request.build());
	}

	/** A GET of raw bytes (a picture, a document), the answer as it came. */
	public HttpResponse<byte[]> downloadBytes(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Response answer(HttpRequest request) {
		HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(), response.headers().map());
	}

	private static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return HTTP.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static Map<String, Object> map(Object... keyValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

	/** An answer: status, raw body and the body as JSON (null when not JSON). */
	public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

		public JsonNode json() {
			if (body == null || body.isBlank()) {
				return null;
			}
			return JSON.readTree(body);
		}

		public String text(String field) {
			JsonNode node = json().get(field);
			return node == null || node.isNull() ? null : node.asString();
		}

		public String id() {
			return text("id");
		}

		public String contentType() {
			return headers.getOrDefault("content-type", java.util.List.of("")).get(0);
		}

		public String problemType() {
			return text("type");
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

}

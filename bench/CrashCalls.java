import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The crash client's calls to an app that is being killed and restarted: plain requests, and
 * requests repeated until an answer comes that is not a 5xx or 429 (the failed attempts are
 * counted in {@link Crash}'s figures).
 */
final class CrashCalls {

	private CrashCalls() {
	}

	/** Polls the order until it has {@code status} or {@code millis} passed; returns the last status seen. */
	static String waitStatus(String orderId, String token, String status, long millis) throws Exception {
		long deadline = System.currentTimeMillis() + millis;
		String last = "UNKNOWN";
		while (System.currentTimeMillis() < deadline) {
			try {
				HttpResponse<String> r = send("GET", "/api/v1/orders/" + orderId, token, null, null);
				if (r.statusCode() == 200) {
					last = Driver.field(r.body(), "status");
					if (last.equals(status)) {
						return last;
					}
				}
			}
			catch (IOException ex) {
				// the app is down: keep asking
			}
			Thread.sleep(last.equals("UNKNOWN") ? 250 : 50);
		}
		return last;
	}

	interface Call {

		HttpResponse<String> send() throws Exception;

	}

	/**
	 * Sends until an answer other than a 5xx or a 429 comes back, for at most two minutes (the
	 * app is being killed and restarted); null when it never did. Counts every failed attempt.
	 */
	static HttpResponse<String> retry(String what, Call call) throws Exception {
		long deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			try {
				HttpResponse<String> r = call.send();
				if (r.statusCode() < 500 && r.statusCode() != 429) {
					return r;
				}
				Crash.count(what + "-retry-" + r.statusCode());
			}
			catch (IOException ex) {
				Crash.count(what + "-retry-io");
			}
			if (System.currentTimeMillis() > deadline) {
				Crash.count(what + "-gave-up");
				return null;
			}
			Thread.sleep(250);
		}
	}

	static HttpResponse<String> send(String method, String path, String token, String body, String idempotencyKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Driver.base + path))
			.timeout(Duration.ofSeconds(15))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			b.header("Content-Type", "application/json");
		}
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		if (idempotencyKey != null) {
			b.header("Idempotency-Key", idempotencyKey);
		}
		return Driver.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

}

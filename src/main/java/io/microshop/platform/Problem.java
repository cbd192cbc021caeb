package io.microshop.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Carries an RFC 9457 problem: one {@code type} URI per kind of
 * refusal, a status and a sentence for people. Thrown from services, rendered by the API
 * advice; the transaction it leaves rolls back, so a refusal changes nothing.
 */
public class Problem extends RuntimeException {

	public static final String TYPE_BASE = "https://microshop.dev/problems/";

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final Map<String, String> errors;

	private final Duration retryAfter;

	public Problem(HttpStatus status, String type, String title, String detail) {
		this(status, type, title, detail, Map.of());
	}

	public Problem(HttpStatus status, String type, String title, String detail, Map<String, String> errors) {
		this(status, type, title, detail, errors, null);
	}

	private Problem(HttpStatus status, String type, String title, String detail, Map<String, String> errors,
			Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = errors;
		this.retryAfter = retryAfter;
	}

	public static Problem notFound(String what) {
		return new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist.");
	}

	public static Problem forbidden(String detail) {
		return new Problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
	}

	public static Problem conflict(String type, String title, String detail) {
		return new Problem(HttpStatus.CONFLICT, type, title, detail);
	}

	public static Problem unprocessable(String type, String title, String detail) {
		return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, type, title, detail);
	}

	public static Problem invalidField(String field, String message) {
		return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", "Invalid request", message,
				Map.of(field, message));
	}

	/**
	 * Too many requests: 429 with a {@code Retry-After} header of the given wait, in whole
	 * seconds and at least one.
	 */
	public static Problem tooManyRequests(String type, String title, String detail, Duration retryAfter) {
		return new Problem(HttpStatus.TOO_MANY_REQUESTS, type, title, detail, Map.of(), retryAfter);
	}

	/**
	 * The database is down, restarting or out of connections: 503 with a {@code Retry-After}
	 * of one second, from the API advice and from the filters that touch the database first.
	 */
	public static Problem unavailable() {
		return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable",
				"The service is busy or its database is unreachable; try again shortly.", Map.of(),
				Duration.ofSeconds(1));
	}

	public HttpStatus status() {
		return status;
	}

	public URI type() {
		return URI.create(TYPE_BASE + type);
	}

	public String title() {
		return title;
	}

	public Map<String, String> errors() {
		return errors;
	}

	/** When asking again may succeed, for a {@code Retry-After} header. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

	/** {@link #retryAfter()} as a {@code Retry-After} value: whole seconds, rounded up, at least 1. */
	public Optional<String> retryAfterSeconds() {
		return retryAfter().map(wait -> {
			long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
			return Long.toString(Math.max(1, seconds));
		});
	}

}

package io.microshop.platform;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of a refusal's RFC 9457 body: a {@code type} under {@link Problem#TYPE_BASE},
 * a title, the status and a detail, then any further fields ({@code errors}). The API advice
 * answers with {@link #detail(Problem)}; what answers before a controller is reached (the
 * security filters, Tomcat's error report) writes the same body with {@link #write} or
 * {@link #json}, so the two kinds of answer cannot drift apart.
 */
public final class ProblemBodies {

	private ProblemBodies() {
	}

	/** The body of a problem, with the invalid fields in {@code errors} when there are any. */
	public static ProblemDetail detail(Problem problem) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
		body.setType(problem.type());
		body.setTitle(problem.title());
		if (!problem.errors().isEmpty()) {
			body.setProperty("errors", problem.errors());
		}
		return body;
	}

	/** The body of a refusal that has no {@link Problem}, such as a status Tomcat chose. */
	public static ProblemDetail detail(HttpStatusCode status, String type, String title, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create(Problem.TYPE_BASE + type));
		body.setTitle(title);
		return body;
	}

	/**
	 * Answers with a problem: its status, a {@code Retry-After} when it has a wait, and its
	 * body as {@code application/problem+json}. For code that runs outside the controllers,
	 * where the API advice does not.
	 */
	public static void write(HttpServletResponse response, Problem problem, JsonMapper json) throws IOException {
		problem.retryAfterSeconds().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), fields(detail(problem)));
	}

	/** A body as JSON text: type, title, status and detail in that order, then the further fields. */
	public static String json(ProblemDetail body, JsonMapper json) {
		return json.writeValueAsString(fields(body));
	}

	private static Map<String, Object> fields(ProblemDetail body) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("type", body.getType().toString());
		fields.put("title", body.getTitle());
		fields.put("status", body.getStatus());
		fields.put("detail", body.getDetail());
		if (body.getProperties() != null) {
			fields.putAll(body.getProperties());
		}
		return fields;
	}

}

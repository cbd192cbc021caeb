package io.microshop.identity.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microshop.platform.Problem;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security filters, as problem details like every other refusal. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(response, 401, "unauthorized", "Not signed in",
				"Send a valid token: Authorization: Bearer <token> from POST /api/v1/tokens.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, 403, "forbidden", "Not allowed", "This account may not do that.");
	}

	void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", Problem.TYPE_BASE + type);
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		response.setStatus(status);
		response.setContentType("application/problem+json");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		json.writeValue(response.getOutputStream(), body);
	}

}

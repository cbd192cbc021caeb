package io.microshop.identity.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microshop.platform.Problem;
import io.microshop.platform.ProblemBodies;

import org.springframework.http.HttpStatus;
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
		write(response, new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in",
				"Send a valid token: Authorization: Bearer <token> from POST /api/v1/tokens."));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, Problem.forbidden("This account may not do that."));
	}

	/** Answers with the problem as the API advice would; a 401 also names the scheme to sign in with. */
	void write(HttpServletResponse response, Problem problem) throws IOException {
		if (problem.status() == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		ProblemBodies.write(response, problem, json);
	}

}

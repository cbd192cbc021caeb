package io.microshop.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microshop.platform.ApiPaths;
import io.microshop.platform.DatabaseTrouble;
import io.microshop.platform.Problem;
import io.microshop.platform.ProblemBodies;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * The answer when the database is down before any controller ran: Spring Session loads the
 * visitor's session and the security filters their sign-in first, so their failure never
 * reaches the controllers' error handling. A failure of the database's availability that
 * escapes the filter chain is answered here, outermost, with 503 and {@code Retry-After}
 * (problem details for the API, a short page otherwise) instead of the container's 500.
 */
@Component
class OutageFilter extends OncePerRequestFilter implements Ordered {

	private static final Logger log = LoggerFactory.getLogger(OutageFilter.class);

	private final JsonMapper json;

	private final MessageSource messages;

	private final LocaleResolver locales;

	OutageFilter(JsonMapper json, MessageSource messages, LocaleResolver locales) {
		this.json = json;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	public int getOrder() {
		// before Spring Session's filter (HIGHEST_PRECEDENCE + 50) and Spring Security's
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseTrouble.is(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable before a handler ran ({} {}): {}", request.getMethod(),
					request.getRequestURI(), ex.getMessage());
			response.reset();
			if (ApiPaths.isApi(request.getRequestURI())) {
				ProblemBodies.write(response, Problem.unavailable(), json);
			}
			else {
				page(request, response);
			}
		}
	}

	/** A page with no template and no session behind it: both may need the database. */
	private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		Locale locale = locales.resolveLocale(request);
		String detail = HtmlUtils.htmlEscape(messages.getMessage("error.detail.unavailable", null,
				"Temporarily unavailable; try again in a moment.", locale));
		response.setContentType("text/html;charset=UTF-8");
		response.getWriter()
			.write("<!doctype html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>503</title>"
					+ "</head><body><main><h1>503</h1><p>" + detail + "</p></main></body></html>");
	}

}

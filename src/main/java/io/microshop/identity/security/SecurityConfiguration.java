package io.microshop.identity.security;

import io.microshop.identity.Identity;
import io.microshop.platform.ApiPaths;
import io.microshop.platform.Problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors. The API ({@code /api/**}) is stateless: a bearer token per request, no
 * session, no CSRF (no cookies are read). Pages use a session kept in PostgreSQL, CSRF
 * tokens on every form and sign-in by one-time code.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Requests the firewall refuses ({@code ..}, {@code ;} or {@code %25} in the path) are problems under /api. */
	@Bean
	RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
		var problems = new ProblemResponses(json);
		var plain = new HttpStatusRequestRejectedHandler();
		return (request, response, ex) -> {
			if (ApiPaths.isApi(request.getRequestURI())) {
				problems.write(response, new Problem(HttpStatus.BAD_REQUEST, "http-400", "Bad Request",
						"The address of the request is not allowed."));
			}
			else {
				plain.handle(request, response, ex);
			}
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Identity identity, JsonMapper json) throws Exception {
		var problems = new ProblemResponses(json);
		http.securityMatcher("/api/**")
			// JSON is never framed nor rendered as a page; the browser's defaults (nosniff,
			// no-store, HSTS over TLS) come from Spring Security's header writers
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(identity, problems), AnonymousAuthenticationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/tokens", "/api/v1/payments/webhooks/*")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/shops/by-slug/*", "/api/v1/listings/*", "/api/v1/groups/*")
				.permitAll()
				.requestMatchers("/api/v1/ops/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.headers(h -> h
			.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
					+ "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
			.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			// the CSRF token lives in a cookie, so an anonymous visitor's page view writes no session row
			.csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
			.logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/"))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/seller/**", "/supplier/**", "/my/**")
				.authenticated()
				.requestMatchers("/ops/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.permitAll());
		return http.build();
	}

}

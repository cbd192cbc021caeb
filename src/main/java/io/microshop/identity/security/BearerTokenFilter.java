package io.microshop.identity.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microshop.identity.AccountPrincipal;
import io.microshop.identity.Identity;
import io.microshop.platform.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Reads {@code Authorization: Bearer <token>}; a token that is sent but unknown is a 401. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final Identity identity;

	private final ProblemResponses problems;

	BearerTokenFilter(Identity identity, ProblemResponses problems) {
		this.identity = identity;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		java.util.Optional<AccountPrincipal> principal;
		try {
			principal = identity.authenticate(header.substring(7).strip());
		}
		catch (RuntimeException ex) {
			if (!io.microshop.platform.DatabaseTrouble.is(ex)) {
				throw ex;
			}
			problems.write(response, Problem.unavailable());
			return;
		}
		if (principal.isEmpty()) {
			problems.write(response, new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in",
					"The token is unknown or revoked."));
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(authentication(principal.get()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static UsernamePasswordAuthenticationToken authentication(AccountPrincipal principal) {
		List<SimpleGrantedAuthority> roles = new ArrayList<>();
		roles.add(new SimpleGrantedAuthority("ROLE_USER"));
		if (principal.operator()) {
			roles.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
		}
		return new AccountAuthentication(principal, roles);
	}

}

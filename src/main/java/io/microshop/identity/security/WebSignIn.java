package io.microshop.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microshop.identity.AccountPrincipal;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a signed-in account into the web session (kept in PostgreSQL by Spring Session),
 * with a new session id so a planted session id is worth nothing. Exposed to other modules
 * as the named interface {@code identity :: web-sign-in} so a page elsewhere (the one-page
 * checkout) can sign a buyer in within its own request.
 */
@Component
@NamedInterface("web-sign-in")
public class WebSignIn {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	public void signIn(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true);
		request.changeSessionId();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(BearerTokenFilter.authentication(principal));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}

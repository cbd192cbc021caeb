package io.microshop.identity.security;

import java.util.Collection;

import io.microshop.identity.AccountPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A signed-in account as Spring Security holds it. Its name is the account id: Spring
 * Session indexes web sessions by that name (at most 100 characters), and the default, the
 * principal's {@code toString()}, is longer than that and holds the phone number.
 */
final class AccountAuthentication extends UsernamePasswordAuthenticationToken {

	private static final long serialVersionUID = 1L;

	AccountAuthentication(AccountPrincipal principal, Collection<? extends GrantedAuthority> authorities) {
		super(principal, null, authorities);
	}

	@Override
	public String getName() {
		return ((AccountPrincipal) getPrincipal()).accountId().toString();
	}

}

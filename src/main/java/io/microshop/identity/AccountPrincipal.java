package io.microshop.identity;

import java.io.Serializable;
import java.util.UUID;

/** Who is calling: kept in the web session and attached to API requests by their token. */
public record AccountPrincipal(UUID accountId, String phone, String name, boolean operator) implements Serializable {

	public boolean is(UUID account) {
		return accountId.equals(account);
	}

}

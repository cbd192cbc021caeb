package io.microshop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RecentTokensTest {

	final RecentTokens tokens = new RecentTokens();

	final AccountPrincipal someone = new AccountPrincipal(UUID.randomUUID(), "+8613900000009", "Someone", false);

	@Test
	void remembersAndForgets() {
		assertThat(tokens.get("h")).isEmpty();
		tokens.remember("h", someone);
		assertThat(tokens.get("h")).contains(someone);
		tokens.forget("h");
		assertThat(tokens.get("h")).isEmpty();
	}

}

package io.microshop.identity.web;

import java.time.Duration;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.microshop.identity.AccountPrincipal;
import io.microshop.identity.Identity;
import io.microshop.identity.PhoneNumbers;
import io.microshop.platform.ratelimit.RateLimit;
import io.microshop.platform.ratelimit.RateLimits;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountsController {

	private final Identity identity;

	private final RateLimit tokenRequests;

	private final io.microshop.identity.SignInGuard guard;

	AccountsController(Identity identity, RateLimits rateLimits, io.microshop.identity.SignInGuard guard) {
		this.identity = identity;
		this.guard = guard;
		this.tokenRequests = rateLimits.named("tokens", 300, Duration.ofMinutes(1));
	}

	@PostMapping("/api/v1/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	AccountView register(@Valid @RequestBody NewAccount body) {
		AccountPrincipal account = identity.register(body.phone(), body.password(), body.name());
		return new AccountView(account.accountId(), account.phone(), account.name());
	}

	@PostMapping("/api/v1/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	TokenView token(@Valid @RequestBody Credentials body) {
		// every attempt counts, right or wrong: this is what slows down guessing a password
		tokenRequests.check(PhoneNumbers.normalise(body.phone()).orElse(body.phone().strip()));
		String phone = PhoneNumbers.normalise(body.phone()).orElse(body.phone().strip());
		Identity.IssuedToken token = guard.attempt(phone, () -> identity.issueToken(body.phone(), body.password()));
		return new TokenView(token.id(), token.token(), token.accountId());
	}

	/** Revokes the token the request is made with. */
	@DeleteMapping("/api/v1/tokens/current")
	ResponseEntity<Void> revoke(@RequestHeader("Authorization") String authorization) {
		identity.revokeToken(authorization.substring(7).strip());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me")
	AccountView me(@AuthenticationPrincipal AccountPrincipal me) {
		return new AccountView(me.accountId(), me.phone(), me.name());
	}

	record NewAccount(@NotBlank @Size(max = 32) String phone, @NotBlank @Size(min = 8, max = 100) String password,
			@NotBlank @Size(max = 100) String name) {
	}

	record Credentials(@NotBlank @Size(max = 32) String phone, @NotBlank @Size(max = 100) String password) {
	}

	record AccountView(UUID id, String phone, String name) {
	}

	record TokenView(UUID id, String token, UUID accountId) {
	}

}

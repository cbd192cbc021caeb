package io.microshop.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.microshop.identity.persistence.Accounts;
import io.microshop.identity.persistence.Accounts.AccountRow;
import io.microshop.platform.Ids;
import io.microshop.platform.Problem;
import io.microshop.platform.ratelimit.RateLimit;
import io.microshop.platform.ratelimit.RateLimits;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity facade: registering accounts, issuing and checking API tokens, and signing
 * in with a one-time code sent by SMS (the phone number is the account: signing in with a
 * code for a new number opens one).
 */
@Service
public class Identity {

	static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

	static final int MAX_CODE_ATTEMPTS = 5;

	private final SecureRandom random = new SecureRandom();

	private final RecentTokens recentTokens = new RecentTokens();

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final SmsSender sms;

	private final Clock clock;

	private final RateLimit codeRequests;

	private final SignInGuard guard;

	private final org.springframework.transaction.support.TransactionTemplate tx;

	Identity(Accounts accounts, PasswordEncoder passwords, SmsSender sms, Clock clock, RateLimits rateLimits,
			SignInGuard guard, org.springframework.transaction.support.TransactionTemplate tx) {
		this.guard = guard;
		this.tx = tx;
		this.accounts = accounts;
		this.passwords = passwords;
		this.sms = sms;
		this.clock = clock;
		this.codeRequests = rateLimits.named("sms-codes", 5, Duration.ofMinutes(10));
	}

	/** Opens an account; 409 when the phone number already has one. */
	@Transactional
	public AccountPrincipal register(String rawPhone, String password, String name) {
		String phone = phone(rawPhone);
		UUID id = Ids.newId();
		boolean created = accounts.insert(id, phone, name.strip(), passwords.encode(password), clock.instant());
		if (!created) {
			throw Problem.conflict("phone-taken", "Phone number taken", "An account with this phone number exists.");
		}
		return new AccountPrincipal(id, phone, name.strip(), false);
	}

	/** A new API token for a phone and password; 401 when they do not match. */
	@Transactional
	public IssuedToken issueToken(String rawPhone, String password) {
		Optional<AccountRow> account = PhoneNumbers.normalise(rawPhone).flatMap(accounts::findByPhone);
		if (account.isEmpty() || account.get().passwordHash() == null
				|| !passwords.matches(password, account.get().passwordHash())) {
			throw new Problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "Wrong credentials",
					"The phone number or the password is wrong.");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = "ms_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID tokenId = Ids.newId();
		accounts.insertToken(tokenId, account.get().id(), sha256(token), clock.instant());
		return new IssuedToken(tokenId, token, account.get().id());
	}

	/**
	 * The account a token belongs to, if the token exists and is not revoked. Asked on every
	 * API request: answered from the last few seconds' look-ups where possible, else by one
	 * statement, deliberately without a transaction around it.
	 */
	public Optional<AccountPrincipal> authenticate(String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		String hash = sha256(token);
		Optional<AccountPrincipal> recent = recentTokens.get(hash);
		if (recent.isPresent()) {
			return recent;
		}
		Optional<AccountPrincipal> found = accounts.findByTokenHash(hash).map(AccountRow::principal);
		found.ifPresent(principal -> recentTokens.remember(hash, principal));
		return found;
	}

	@Transactional
	public boolean revokeToken(String token) {
		recentTokens.forget(sha256(token));
		return accounts.revokeToken(sha256(token), clock.instant());
	}

	@Transactional(readOnly = true)
	public Optional<AccountPrincipal> find(UUID accountId) {
		return accounts.findById(accountId).map(AccountRow::principal);
	}

	/**
	 * Sends a fresh six-digit code to a phone, replacing any earlier one; at most
	 * {@code microshop.rate-limits.sms-codes} per phone (429 past it, nothing sent). Without a
	 * transaction of its own: the limit is checked on its own connection first, and the code is
	 * stored by one statement.
	 */
	public String sendSignInCode(String rawPhone) {
		String phone = phone(rawPhone);
		codeRequests.check(phone);
		String code = "%06d".formatted(random.nextInt(1_000_000));
		accounts.storeCode(phone, sha256(phone + ":" + code), clock.instant().plus(CODE_LIFETIME));
		sms.send(phone, "microshop sign-in code: " + code + " (valid 5 minutes)");
		return phone;
	}

	/**
	 * Signs in with a code; opens an account for a number not seen before. A code works
	 * once and only a few wrong guesses are allowed.
	 */
	public AccountPrincipal signInWithCode(String rawPhone, String code, String nameForNewAccount) {
		String phone = phone(rawPhone);
		return guard.attempt(phone, () -> {
			AccountPrincipal principal = tx.execute(status -> checkCode(phone, code, nameForNewAccount));
			if (principal == null) {
				throw new Problem(HttpStatus.UNAUTHORIZED, "bad-code", "Wrong code",
						"The code is wrong or has expired; ask for a new one.");
			}
			return principal;
		});
	}

	/** In one transaction: the code checked (a failure counted and kept), used, the account found or opened. */
	private AccountPrincipal checkCode(String phone, String code, String nameForNewAccount) {
		Instant now = clock.instant();
		var stored = accounts.findCodeForUpdate(phone);
		boolean ok = stored.isPresent() && stored.get().expiresAt().isAfter(now)
				&& stored.get().attempts() < MAX_CODE_ATTEMPTS && code != null
				&& MessageDigest.isEqual(stored.get().codeHash().getBytes(StandardCharsets.UTF_8),
						sha256(phone + ":" + code.strip()).getBytes(StandardCharsets.UTF_8));
		if (!ok) {
			stored.ifPresent(c -> accounts.countFailedAttempt(phone));
			return null;
		}
		accounts.deleteCode(phone);
		return accounts.findByPhone(phone).map(AccountRow::principal).orElseGet(() -> {
			UUID id = Ids.newId();
			String name = nameForNewAccount == null || nameForNewAccount.isBlank() ? "Fan " + phone.substring(phone.length() - 4)
					: nameForNewAccount.strip();
			accounts.insert(id, phone, name.length() > 100 ? name.substring(0, 100) : name, null, now);
			return new AccountPrincipal(id, phone, name, false);
		});
	}

	/**
	 * Makes sure the operator of the settings can sign in. With the password given in the
	 * settings, the account of that phone is an operator with that password after every start
	 * (created, promoted or its password set as need be): the settings are the truth, whatever
	 * an earlier start left in the database. Without one (a generated password), a first
	 * operator is created only while there is none.
	 * @return whether an account was created or changed
	 */
	@Transactional
	public boolean ensureOperator(String rawPhone, String password, boolean fromSettings) {
		String phone = phone(rawPhone);
		if (!fromSettings && accounts.anyOperator()) {
			return false;
		}
		var existing = accounts.findByPhone(phone);
		if (existing.isPresent()) {
			var account = existing.get();
			if (account.operator() && account.passwordHash() != null
					&& passwords.matches(password, account.passwordHash())) {
				return false;
			}
			accounts.makeOperator(account.id(), passwords.encode(password));
		}
		else {
			UUID id = Ids.newId();
			accounts.insert(id, phone, "Operator", passwords.encode(password), clock.instant());
			accounts.makeOperator(id, null);
		}
		return true;
	}

	private static String phone(String raw) {
		return PhoneNumbers.normalise(raw).orElseThrow(() -> Problem.invalidField("phone", "is not a phone number"));
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token as shown once to its owner; only its hash is stored. */
	public record IssuedToken(UUID id, String token, UUID accountId) {
	}

}

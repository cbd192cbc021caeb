package io.microshop.api;

import static io.microshop.api.ApiAssertions.assertInvalidField;
import static io.microshop.api.ApiAssertions.assertProblem;
import static io.microshop.api.ApiAssertions.assertUnauthorized;
import static io.microshop.api.ApiAssertions.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.Scenario.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Accounts, API tokens and what a missing, bad or revoked token gets. */
class AccountsApiTest extends AppTest {

	@Test
	void anAccountIsOpenedWithItsPhoneInE164() {
		String phone = Scenario.newPhone();
		var created = api.post("/api/v1/accounts", null,
				Api.map("phone", phone.substring(3), "password", "password-123", "name", "  Mei  "));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.contentType()).startsWith("application/json");
		assertThat(created.id()).isNotBlank();
		assertThat(created.text("phone")).isEqualTo(phone);
		assertThat(created.text("name")).isEqualTo("Mei");
		assertThat(created.json().has("password")).isFalse();
		assertThat(created.body()).doesNotContain("password-123");
	}

	@Test
	void aTakenPhoneIs409EvenWrittenDifferently() {
		User first = scenario.user();
		String local = first.phone().substring(3);
		String spaced = "+86 " + local.substring(0, 3) + " " + local.substring(3, 7) + " " + local.substring(7);

		var again = api.post("/api/v1/accounts", null,
				Api.map("phone", spaced, "password", "another-pass", "name", "Impostor"));

		assertProblem(again, 409, "phone-taken");
		assertThat(count(jdbc, "SELECT count(*) FROM accounts WHERE phone = ?", first.phone())).isEqualTo(1);
		// the first account's password still works, the impostor's does not
		assertThat(api.post("/api/v1/tokens", null, Api.map("phone", first.phone(), "password", "password-123"))
			.status()).isEqualTo(201);
		assertBadCredentials(api.post("/api/v1/tokens", null,
				Api.map("phone", first.phone(), "password", "another-pass")));
	}

	static Stream<Arguments> badAccounts() {
		return Stream.of(Arguments.of("not a phone", Api.map("phone", "not-a-phone", "password", "password-123", "name", "A"), "phone"),
				Arguments.of("too short a phone", Api.map("phone", "+86123", "password", "password-123", "name", "A"), "phone"),
				Arguments.of("letters in the phone", Api.map("phone", "+86139abcd1234", "password", "password-123", "name", "A"), "phone"),
				Arguments.of("missing phone", Api.map("password", "password-123", "name", "A"), "phone"),
				Arguments.of("missing password", Api.map("phone", "PHONE", "name", "A"), "password"),
				Arguments.of("short password", Api.map("phone", "PHONE", "password", "short", "name", "A"), "password"),
				Arguments.of("missing name", Api.map("phone", "PHONE", "password", "password-123"), "name"),
				Arguments.of("blank name", Api.map("phone", "PHONE", "password", "password-123", "name", "   "), "name"),
				Arguments.of("over-long name", Api.map("phone", "PHONE", "password", "password-123", "name", "n".repeat(101)), "name"),
				Arguments.of("over-long phone", Api.map("phone", "1".repeat(40), "password", "password-123", "name", "A"), "phone"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badAccounts")
	void badAccountsAreRefusedAndNothingIsWritten(String name, Map<String, Object> body, String field) {
		String phone = Scenario.newPhone();
		body.replaceAll((k, v) -> "PHONE".equals(v) ? phone : v);

		var refused = api.post("/api/v1/accounts", null, body);

		assertInvalidField(refused, field);
		assertThat(count(jdbc, "SELECT count(*) FROM accounts WHERE phone = ?", phone)).isZero();
	}

	@Test
	void missingFieldsAre400WithAnErrorPerField() {
		var refused = api.post("/api/v1/accounts", null, "{}");

		var body = assertProblem(refused, 400, "invalid-request");
		assertThat(body.get("errors").propertyNames()).contains("phone", "password", "name");
	}

	@Test
	void fieldMessagesAreInTheProblemsLanguageUnlessTheCallerAsksForChinese() {
		var plain = assertProblem(api.post("/api/v1/accounts", null, "{}"), 400, "invalid-request");
		assertThat(plain.get("errors").get("name").asString()).isEqualTo("must not be blank");

		var chinese = assertProblem(api.post("/api/v1/accounts", null, "{}", Map.of("Accept-Language", "zh-CN")), 400,
				"invalid-request");
		assertThat(chinese.get("errors").get("name").asString()).isEqualTo("不能为空");
	}

	@Test
	void aTokenIsIssuedForTheRightPasswordAndWorks() {
		User user = scenario.user();

		var token = api.post("/api/v1/tokens", null, Api.map("phone", user.phone(), "password", "password-123"));

		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		assertThat(token.text("token")).isNotBlank();
		assertThat(token.text("accountId")).isEqualTo(user.id());
		var me = api.get("/api/v1/me", token.text("token"));
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.id()).isEqualTo(user.id());
		assertThat(me.text("phone")).isEqualTo(user.phone());
	}

	@Test
	void aWrongPasswordIs401() {
		User user = scenario.user();

		var refused = api.post("/api/v1/tokens", null, Api.map("phone", user.phone(), "password", "password-124"));

		assertBadCredentials(refused);
	}

	@Test
	void anUnknownPhoneIs401LikeAWrongPassword() {
		var unknown = api.post("/api/v1/tokens", null,
				Api.map("phone", Scenario.newPhone(), "password", "password-123"));
		var malformed = api.post("/api/v1/tokens", null, Api.map("phone", "nobody", "password", "password-123"));

		var body = assertProblem(unknown, 401, "bad-credentials");
		assertProblem(malformed, 401, "bad-credentials");
		// the answer does not tell which half was wrong
		User user = scenario.user();
		var wrongPassword = api.post("/api/v1/tokens", null, Api.map("phone", user.phone(), "password", "nope-nope-1"));
		assertThat(wrongPassword.json().get("detail")).isEqualTo(body.get("detail"));
	}

	@Test
	void aTokenRequestWithoutFieldsIsBadInput() {
		assertInvalidField(api.post("/api/v1/tokens", null, Api.map("phone", "+8613900000000")), "password");
		assertInvalidField(api.post("/api/v1/tokens", null, Api.map("password", "password-123")), "phone");
	}

	static Stream<Arguments> protectedEndpoints() {
		String id = ApiAssertions.unknownId();
		return Stream.of(Arguments.of("GET", "/api/v1/me", null),
				Arguments.of("DELETE", "/api/v1/tokens/current", null),
				Arguments.of("POST", "/api/v1/suppliers", "{\"name\":\"S\"}"),
				Arguments.of("POST", "/api/v1/suppliers/" + id + "/products", "{}"),
				Arguments.of("PATCH", "/api/v1/suppliers/" + id + "/skus/" + id, "{\"stock\":1}"),
				Arguments.of("GET", "/api/v1/suppliers/" + id + "/orders", null),
				Arguments.of("POST", "/api/v1/suppliers/" + id + "/orders/" + id + "/shipments", "{}"),
				Arguments.of("GET", "/api/v1/catalog?q=tea", null),
				Arguments.of("POST", "/api/v1/shops", "{\"name\":\"S\",\"slug\":\"some-shop\"}"),
				Arguments.of("PATCH", "/api/v1/shops/" + id, "{\"name\":\"S\"}"),
				Arguments.of("POST", "/api/v1/shops/" + id + "/listings", "{}"),
				Arguments.of("POST", "/api/v1/orders", "{}"),
				Arguments.of("GET", "/api/v1/orders/" + id, null),
				Arguments.of("POST", "/api/v1/orders/" + id + "/cancel", null),
				Arguments.of("POST", "/api/v1/orders/" + id + "/confirm-receipt", null),
				Arguments.of("POST", "/api/v1/payments/" + id + "/sandbox-pay", null),
				Arguments.of("GET", "/api/v1/shops/" + id + "/balance", null),
				Arguments.of("GET", "/api/v1/suppliers/" + id + "/balance", null),
				Arguments.of("GET", "/api/v1/ops/ledger/trial-balance", null));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("protectedEndpoints")
	void protectedEndpointsAre401WithoutAGoodToken(String method, String path, String body) {
		String revoked = revokedToken();

		assertUnauthorized(api.send(method, path, null, body, Map.of()));
		assertUnauthorized(api.send(method, path, "ms_not-a-real-token", body, Map.of()));
		assertUnauthorized(api.send(method, path, "", body, Map.of()));
		assertUnauthorized(api.send(method, path, "x".repeat(5000), body, Map.of()));
		assertUnauthorized(api.send(method, path, revoked, body, Map.of()));
		assertUnauthorized(api.send(method, path, null, body, Map.of("Authorization", "Basic dXNlcjpwYXNz")));
		var missing = api.send(method, path, null, body, Map.of());
		assertThat(missing.headers().get("www-authenticate")).as(missing.toString()).isNotNull();
	}

	private static volatile String revokedToken;

	private String revokedToken() {
		if (revokedToken == null) {
			User user = scenario.user();
			assertThat(api.send("DELETE", "/api/v1/tokens/current", user.token(), null, Map.of()).status())
				.isEqualTo(204);
			revokedToken = user.token();
		}
		return revokedToken;
	}

	@Test
	void revokingATokenEndsItButNotTheOtherTokens() {
		User user = scenario.user();
		String second = scenario.token(user.phone(), "password-123");

		var revoked = api.send("DELETE", "/api/v1/tokens/current", user.token(), null, Map.of());

		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
		assertUnauthorized(api.get("/api/v1/me", user.token()));
		assertUnauthorized(api.send("DELETE", "/api/v1/tokens/current", user.token(), null, Map.of()));
		assertThat(api.get("/api/v1/me", second).status()).isEqualTo(200);
	}

	private static void assertBadCredentials(Api.Response response) {
		assertProblem(response, 401, "bad-credentials");
	}

}

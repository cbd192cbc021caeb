package io.microshop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.Api.Response;
import io.microshop.support.Scenario.User;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Assertions shared by the API tests: problem details, bad input, row counts. */
public final class ApiAssertions {

	public static final String PROBLEM_JSON = "application/problem+json";

	private ApiAssertions() {
	}

	/** An RFC 9457 problem with this status whose {@code type} ends with the given kind. */
	public static JsonNode assertProblem(Response response, int status, String typeSuffix) {
		JsonNode body = assertProblem(response, status);
		assertThat(body.get("type").asString()).as(response.toString()).endsWith("/" + typeSuffix);
		return body;
	}

	/** An RFC 9457 problem with this status: type, title, status and detail, and no stack trace. */
	public static JsonNode assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		return assertProblemBody(response);
	}

	public static JsonNode assertProblemBody(Response response) {
		assertThat(response.contentType()).as(response.toString()).startsWith(PROBLEM_JSON);
		JsonNode body = response.json();
		assertThat(body).as(response.toString()).isNotNull();
		assertThat(body.hasNonNull("type")).as(response.toString()).isTrue();
		assertThat(body.get("type").asString()).as(response.toString()).startsWith("https://");
		assertThat(body.hasNonNull("title")).as(response.toString()).isTrue();
		assertThat(body.hasNonNull("detail")).as(response.toString()).isTrue();
		assertThat(body.get("status").asInt()).as(response.toString()).isEqualTo(response.status());
		assertThat(response.body()).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
		return body;
	}

	/** Bad input: 400 or 422 as a problem. */
	public static JsonNode assertBadInput(Response response) {
		assertThat(response.status()).as(response.toString()).isIn(400, 422);
		return assertProblemBody(response);
	}

	/** Bad input refused field by field: the {@code errors} map names the field. */
	public static JsonNode assertInvalidField(Response response, String field) {
		JsonNode body = assertBadInput(response);
		assertThat(body.get("type").asString()).as(response.toString()).endsWith("/invalid-request");
		assertThat(body.get("errors")).as(response.toString()).isNotNull();
		assertThat(body.get("errors").propertyNames()).as(response.toString())
			.anySatisfy(name -> assertThat(name).startsWith(field));
		return body;
	}

	/** Bad input refused with exactly this status, the {@code errors} map naming this very field. */
	public static JsonNode assertInvalidField(Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		JsonNode body = assertInvalidField(response, field);
		assertThat(body.get("errors").propertyNames()).as(response.toString()).contains(field);
		return body;
	}

	public static void assertUnauthorized(Response response) {
		assertProblem(response, 401, "unauthorized");
	}

	public static long count(JdbcClient jdbc, String sql, Object... params) {
		return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	public static long ordersOf(JdbcClient jdbc, User buyer) {
		return count(jdbc, "SELECT count(*) FROM orders WHERE buyer_account_id = ?", UUID.fromString(buyer.id()));
	}

	public static long paymentsOf(JdbcClient jdbc, User buyer) {
		return count(jdbc, "SELECT count(*) FROM payments WHERE payer_account_id = ?", UUID.fromString(buyer.id()));
	}

	public static int stock(JdbcClient jdbc, String skuId) {
		return jdbc.sql("SELECT stock FROM skus WHERE id = ?").param(UUID.fromString(skuId)).query(Integer.class).single();
	}

	/** The stock a listing shows for its first SKU, as any buyer sees it. */
	public static int available(Api api, String listingId) {
		Response listing = api.get("/api/v1/listings/" + listingId, null);
		assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
		return listing.json().get("skus").get(0).get("available").asInt();
	}

	public static String unknownId() {
		return UUID.randomUUID().toString();
	}

	/** A fresh, valid shop slug. */
	public static String slug() {
		return "t-" + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 50), 36);
	}

}

package io.microshop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import io.microshop.support.TestFiles;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Reads the OpenAPI document and calls every endpoint that takes an id (and every operator
 * endpoint) as a stranger of each kind: anonymous, another buyer, another seller, another
 * supplier, a non-operator. Each must be refused with 401 (anonymous) or 403/404 (the others)
 * and a problem body that carries none of the resource's data. A new endpoint is covered the
 * day it appears in the document; an id the world below cannot fill fails the test, so it
 * must be taught the new id rather than skipping the endpoint.
 */
class AccessControlMatrixTest extends AppTest {

	/** Anyone may read these, by design (PRODUCT.md: the storefront is public). */
	private static final Set<String> PUBLIC = Set.of("GET /api/v1/groups/{groupId}",
			"GET /api/v1/listings/{listingId}", "GET /api/v1/shops/by-slug/{slug}");

	/**
	 * A signed-in account acts on its own relation to a public shop: following it, muting it,
	 * joining it as a promoter. Strangers are the intended callers (anonymous still gets 401).
	 */
	private static final Set<String> SELF_SERVICE = Set.of("POST /api/v1/shops/{shopId}/followers",
			"PUT /api/v1/shops/{shopId}/followers/me", "DELETE /api/v1/shops/{shopId}/followers/me",
			"POST /api/v1/shops/{shopId}/promoters");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	@Test
	void everyEndpointWithAnIdRefusesEveryStranger() {
		ApiWorld world = new ApiWorld(api, scenario);
		JsonNode doc = api.get("/v3/api-docs", null).json();
		JsonNode components = doc.path("components").path("schemas");
		Map<String, String> strangers = strangers();

		int endpoints = 0;
		int cases = 0;
		List<String> failures = new ArrayList<>();
		for (var path : doc.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				String endpoint = method + " " + path.getKey();
				boolean operatorOnly = path.getKey().startsWith("/api/v1/ops/");
				boolean takesId = path.getKey().contains("{");
				if (PUBLIC.contains(endpoint) || (!takesId && !operatorOnly)) {
					continue;
				}
				String url = fill(path.getKey(), world, endpoint);
				JsonNode content = operation.getValue().path("requestBody").path("content");
				endpoints++;
				for (var stranger : strangers.entrySet()) {
					boolean anonymous = stranger.getValue() == null;
					if (SELF_SERVICE.contains(endpoint) && !anonymous) {
						continue;
					}
					Api.Response response = call(method, url, stranger.getValue(), content, components, world);
					cases++;
					String problem = judge(response, anonymous);
					if (problem != null) {
						failures.add(endpoint + " as " + stranger.getKey() + ": " + problem);
					}
				}
			}
		}
		System.out.printf("access-control matrix: %d endpoints, %d cases (callers: %s)%n", endpoints, cases,
				strangers.keySet());
		assertThat(failures).as("refusals that were not 401/403/404 or leaked data").isEmpty();
		assertThat(endpoints).isGreaterThan(40);
		// the oracle can fail: the order's own buyer is let in and sees the private address
		Api.Response own = api.get("/api/v1/orders/" + world.orderId, world.buyer.token());
		assertThat(judge(own, false)).isNotNull();
	}

	private Map<String, String> strangers() {
		Scenario.Market other = scenario.market(2_000, 3_000, 3_900, 10, 800);
		Map<String, String> strangers = new java.util.LinkedHashMap<>();
		strangers.put("anonymous", null);
		strangers.put("another buyer", scenario.user().token());
		strangers.put("another seller", other.seller().token());
		strangers.put("another supplier", other.supplier().token());
		// every role but the operator's in one account: its own supplier, shop and paid order,
		// so a role held elsewhere is shown not to open anyone else's resource or an operator action
		Scenario.User everyRole = scenario.user();
		Scenario.Product ownProduct = scenario.product(everyRole, 1_000, 1_500, 10, 0);
		Scenario.Shop ownShop = scenario.shop(everyRole);
		scenario.list(ownShop, ownProduct, 1_800);
		scenario.paidOrder(everyRole, other, 1);
		strangers.put("a non-operator with every other role", everyRole.token());
		return strangers;
	}

	private static String fill(String template, ApiWorld world, String endpoint) {
		Matcher m = VARIABLE.matcher(template);
		StringBuilder url = new StringBuilder();
		while (m.find()) {
			String id = world.id(m.group(1));
			assertThat(id).as("the access-control world has no resource for {%s} of %s: add one to ApiWorld",
					m.group(1), endpoint)
				.isNotNull();
			m.appendReplacement(url, Matcher.quoteReplacement(id));
		}
		m.appendTail(url);
		return url.toString();
	}

	private Api.Response call(String method, String url, String token, JsonNode content, JsonNode components,
			ApiWorld world) {
		if (content.has("multipart/form-data")) {
			return api.upload(url, token, "file", "x.png", "image/png", TestFiles.png());
		}
		Object body = content.has("application/json")
				? world.body(content.get("application/json").get("schema"), components) : null;
		return api.send(method, url, token, body, Map.of("Idempotency-Key", "matrix-" + System.nanoTime()));
	}

	/** Null when the refusal is right, else what is wrong with it. */
	private static String judge(Api.Response response, boolean anonymous) {
		Set<Integer> allowed = anonymous ? Set.of(401) : Set.of(403, 404);
		if (!allowed.contains(response.status())) {
			return "status " + response.status() + " " + abbreviate(response.body());
		}
		if (response.body() != null && response.body().contains(ApiWorld.SECRET)) {
			return "the body leaks the resource's data: " + abbreviate(response.body());
		}
		if (response.body() != null && !response.body().isBlank()
				&& !response.contentType().startsWith("application/problem+json")) {
			return "not a problem body: " + response.contentType();
		}
		return null;
	}

	private static String abbreviate(String body) {
		return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
	}

}

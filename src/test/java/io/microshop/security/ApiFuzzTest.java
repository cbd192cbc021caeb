package io.microshop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Seeded fuzzing of every POST, PUT, PATCH and GET in the OpenAPI document, as the caller who
 * may use it: broken JSON, wrong types, huge and hostile strings, absurd numbers, bad query
 * parameters, bad headers and malformed ids. Never a 5xx, always problem details for a 4xx,
 * and a refused request leaves the money, stock and order rows of the world as they were.
 * {@code -Dfuzz.seed=} replays a run.
 */
class ApiFuzzTest extends AppTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private static final int CASES_PER_ENDPOINT = 14;

	@Test
	void invalidInputNeverBreaksTheApiNorChangesTheData() {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		System.out.println("ApiFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
		Random random = new Random(seed);
		ApiWorld world = new ApiWorld(api, scenario);
		String operator = scenario.operatorToken();
		JsonNode doc = api.get("/v3/api-docs", null).json();
		JsonNode components = doc.path("components").path("schemas");

		int endpoints = 0;
		int cases = 0;
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		for (var path : doc.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				if (!List.of("GET", "POST", "PUT", "PATCH").contains(method)
						|| path.getKey().equals("/api/v1/payments/webhooks/sandbox")) {
					continue;
				}
				endpoints++;
				String endpoint = method + " " + path.getKey();
				String token = caller(path.getKey(), world, operator);
				JsonNode op = operation.getValue();
				JsonNode json = op.path("requestBody").path("content").path("application/json").path("schema");
				Object valid = json.isMissingNode() ? null : world.body(json, components);
				for (int i = 0; i < CASES_PER_ENDPOINT; i++) {
					FuzzCase c = fuzz(random, path.getKey(), method, valid, world);
					Map<String, Long> before = counts(world);
					Api.Response response = api.send(method, c.url(), token, c.body(), c.headers());
					cases++;
					statuses.merge(response.status(), 1, Integer::sum);
					String problem = judge(response);
					if (problem == null && response.status() >= 400 && !before.equals(counts(world))) {
						problem = "refused with " + response.status() + " but changed " + before + " -> " + counts(world);
					}
					if (problem != null) {
						failures.add(endpoint + " [" + c.what() + "]: " + problem);
					}
				}
			}
		}
		System.out.printf("API fuzzing: %d endpoints, %d cases, seed %d, answers by status %s%n", endpoints, cases, seed,
				statuses);
		assertThat(failures).as("seed " + seed).isEmpty();
		assertThat(endpoints).isGreaterThan(50);
	}

	/** Who may legitimately call the endpoint, so the fuzzing reaches validation, not a 403. */
	private static String caller(String path, ApiWorld world, String operator) {
		if (path.startsWith("/api/v1/ops/")) {
			return operator;
		}
		if (path.startsWith("/api/v1/suppliers/{")) {
			return world.market.supplier().token();
		}
		if ((path.startsWith("/api/v1/shops/{") && !path.contains("followers") && !path.contains("promoters"))
				|| path.startsWith("/api/v1/verifications") || path.startsWith("/api/v1/shares")) {
			return world.market.seller().token();
		}
		return world.buyer.token();
	}

	private static FuzzCase fuzz(Random random, String template, String method, Object valid, ApiWorld world) {
		Map<String, String> headers = new LinkedHashMap<>();
		String url = fill(template, world, random.nextInt(6) == 0);
		int kind = random.nextInt(valid == null ? 4 : 10);
		return switch (kind) {
			case 0 -> new FuzzCase("bad query", url + "?page=" + pick(random, "-1", "abc", "99999999999", "1e9", "")
					+ "&size=" + pick(random, "0", "-5", "100000", "x", "%00") + "&status="
					+ pick(random, "NOPE", "%27%20OR%201%3D1--", "paid", "") + "&q=" + pick(random, "%00", "%FF%FE", "a"),
					null, headers);
			case 1 -> {
				headers.put("Idempotency-Key", pick(random, "", " ", "k".repeat(500), "\u00e9\u00e9"));
				yield new FuzzCase("bad idempotency key", url, valid, headers);
			}
			case 2 -> {
				headers.put("Content-Type", pick(random, "text/plain", "application/xml", "application/json; charset=klingon"));
				yield new FuzzCase("bad content type", url, "{}", headers);
			}
			case 3 -> new FuzzCase("malformed id", fill(template, world, true), valid, headers);
			case 4 -> new FuzzCase("not json", url, pick(random, "{", "[]", "null", "\"text\"", "123", "{\"a\":", "\u0000",
					"{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}"), headers);
			case 5 -> new FuzzCase("empty object", url, Map.of(), headers);
			default -> {
				Object body = mutate(random, deepCopy(valid));
				yield new FuzzCase("mutated field", url, body, headers);
			}
		};
	}

	/** Replaces one field somewhere in the body by a hostile value of a wrong type or range. */
	@SuppressWarnings("unchecked")
	private static Object mutate(Random random, Object body) {
		if (!(body instanceof Map<?, ?> map) || map.isEmpty()) {
			return hostile(random);
		}
		Map<String, Object> object = (Map<String, Object>) map;
		List<String> keys = new ArrayList<>(object.keySet());
		String key = keys.get(random.nextInt(keys.size()));
		Object current = object.get(key);
		if (current instanceof Map<?, ?> && random.nextBoolean()) {
			object.put(key, mutate(random, current));
		}
		else if (current instanceof List<?> list && !list.isEmpty() && random.nextBoolean()) {
			List<Object> copy = new ArrayList<>(list);
			copy.set(0, mutate(random, copy.get(0)));
			object.put(key, copy);
		}
		else {
			object.put(key, hostile(random));
		}
		return object;
	}

	private static Object hostile(Random random) {
		return switch (random.nextInt(14)) {
			case 0 -> null;
			case 1 -> Long.MAX_VALUE;
			case 2 -> -1;
			case 3 -> 1.5;
			case 4 -> 1e30;
			case 5 -> "x".repeat(10_000);
			case 6 -> "\u0000\u0001";
			case 7 -> "'; DROP TABLE orders; --";
			case 8 -> List.of(1, 2, 3);
			case 9 -> Map.of("nested", Map.of("deeper", true));
			case 10 -> "\uD83D\uDE00\u202E";
			case 11 -> true;
			case 12 -> "";
			default -> "not-a-uuid";
		};
	}

	@SuppressWarnings("unchecked")
	private static Object deepCopy(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach(v -> copy.add(deepCopy(v)));
			return copy;
		}
		return value;
	}

	private static String fill(String template, ApiWorld world, boolean malformed) {
		Matcher m = VARIABLE.matcher(template);
		StringBuilder url = new StringBuilder();
		while (m.find()) {
			String id = malformed ? "not-an-id%2F..%2F" : world.id(m.group(1));
			m.appendReplacement(url, Matcher.quoteReplacement(id == null ? "unknown" : id));
		}
		m.appendTail(url);
		return url.toString();
	}

	private static String pick(Random random, String... options) {
		return options[random.nextInt(options.length)];
	}

	private Map<String, Long> counts(ApiWorld world) {
		String shop = world.market.shop().id();
		String supplier = world.market.product().supplierId();
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("orders", count("SELECT count(*) FROM orders WHERE shop_id = ?::uuid", shop));
		counts.put("postings", count("SELECT count(*) FROM ledger_postings WHERE account LIKE '%' || ? || '%' "
				+ "OR account LIKE '%' || ? || '%'", shop, supplier));
		counts.put("stock", count("SELECT COALESCE(SUM(stock), 0) FROM skus WHERE id = ?::uuid",
				world.market.product().skuId()));
		counts.put("payments", count("SELECT count(*) FROM payments WHERE order_id IN "
				+ "(SELECT id FROM orders WHERE shop_id = ?::uuid)", shop));
		counts.put("withdrawals", count("SELECT count(*) FROM withdrawals WHERE owner_id IN (?::uuid, ?::uuid)", shop,
				supplier));
		return counts;
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** Null when the answer is acceptable for bad input, else what is wrong with it. */
	private static String judge(Api.Response response) {
		if (response.status() >= 500) {
			return "status " + response.status() + " " + abbreviate(response.body());
		}
		String body = response.body() == null ? "" : response.body();
		if (body.contains("Exception") || body.contains("\tat ") || body.contains("at io.microshop")) {
			return "stack trace or exception in the body: " + abbreviate(body);
		}
		if (response.status() >= 400 && !body.isBlank() && !response.contentType().startsWith("application/problem+json")) {
			return "a " + response.status() + " that is not problem details: " + response.contentType();
		}
		return null;
	}

	private static String abbreviate(String body) {
		return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
	}

	private record FuzzCase(String what, String url, Object body, Map<String, String> headers) {
	}

}

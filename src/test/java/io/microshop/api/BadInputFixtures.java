package io.microshop.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.microshop.support.Api;

/** Bad order bodies for the bad-input tests: a good order with one part of it broken. */
final class BadInputFixtures {

	private BadInputFixtures() {
	}

	/** What a bad order body is built from: the market it is placed in. */
	record Ctx(String listingId, String skuId, String foreignSkuId) {
	}

	/** One bad order: its body and headers, and the status and field it is refused with. */
	record BadOrder(String name, Function<Ctx, Object> body, Map<String, String> headers, int status, String field) {

		@Override
		public String toString() {
			return name;
		}

	}

	/** A bad order sent as JSON with no headers of its own. */
	static BadOrder bad(String name, Function<Ctx, Object> body, int status, String field) {
		return new BadOrder(name, body, Map.of(), status, field);
	}

	/** An order body of the market's listing; {@code items} and {@code shipTo} are left out when null. */
	static Map<String, Object> order(Ctx c, Object items, Object shipTo) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("listingId", c.listingId());
		if (items != null) {
			body.put("items", items);
		}
		if (shipTo != null) {
			body.put("shipTo", shipTo);
		}
		return body;
	}

	static Map<String, Object> shipTo() {
		return Api.map("name", "Li Lei", "phone", "13912345678", "address", "1 Garden Road, Hangzhou");
	}

	static Object line(Object skuId, Object quantity) {
		return Api.map("skuId", skuId, "quantity", quantity);
	}

	/** A good order but for the quantity of its one line. */
	static Map<String, Object> withQuantity(Ctx c, Object quantity) {
		return order(c, List.of(line(c.skuId(), quantity)), shipTo());
	}

	/** A good order but for one field of its address: set to the value, or left out when it is null. */
	static Map<String, Object> withShipTo(Ctx c, String field, Object value) {
		Map<String, Object> to = shipTo();
		if (value == null) {
			to.remove(field);
		}
		else {
			to.put(field, value);
		}
		return order(c, List.of(line(c.skuId(), 1)), to);
	}

}

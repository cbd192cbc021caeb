package io.microshop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microshop.support.Api;
import io.microshop.support.Scenario;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;
import io.microshop.support.TestFiles;

import tools.jackson.databind.JsonNode;

/**
 * One of everything, owned by known accounts, built through the public API: the resources
 * the security tests aim at. Secret markers are written into the private data (ship-to
 * address, complaint text, legal name) so a test can prove a refusal leaks none of it.
 */
final class ApiWorld {

	static final String SECRET = "SECRET-7f3a";

	final Market market;

	final User buyer;

	final String orderId;

	final String paymentId;

	final String complaintId;

	final String photoId;

	final String verificationId;

	final String documentId;

	final String shareCode;

	final String groupId;

	final String dealId;

	final String flagId;

	final String withdrawalShop;

	final String batchId;

	private final Map<String, String> ids = new LinkedHashMap<>();

	ApiWorld(Api api, Scenario scenario) {
		market = scenario.market(2_000, 3_000, 3_900, 100, 800);
		buyer = scenario.user();
		Map<String, Object> body = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		@SuppressWarnings("unchecked")
		Map<String, Object> shipTo = (Map<String, Object>) body.get("shipTo");
		shipTo.put("address", "Flat 1, " + SECRET + " Road");
		var order = scenario.paidOrder(buyer, body);
		orderId = order.id();
		paymentId = order.json().get("payment").get("id").asString();
		scenario.ship(market, orderId, "SF" + SECRET);
		scenario.receive(buyer, orderId);
		var complaint = ok(api.post("/api/v1/orders/" + orderId + "/complaints", buyer.token(),
				Api.map("reason", "DAMAGED", "text", "The tin was crushed " + SECRET)));
		complaintId = complaint.id();
		photoId = ok(api.upload("/api/v1/complaints/" + complaintId + "/photos", buyer.token(), "file", "p.png",
				"image/png", TestFiles.png())).id();
		var verification = ok(api.post("/api/v1/verifications", market.seller().token(),
				Api.map("subject", "shop", "subjectId", market.shop().id(), "legalName", "Legal " + SECRET, "idNumber",
						"11010119900307123X")));
		verificationId = verification.id();
		documentId = ok(api.upload("/api/v1/verifications/" + verificationId + "/documents", market.seller().token(),
				"file", "id.png", "image/png", TestFiles.png())).id();
		shareCode = ok(api.post("/api/v1/shares", market.seller().token(), Api.map("listingId", market.listingId())))
			.text("code");
		dealId = ok(api.post("/api/v1/shops/" + market.shop().id() + "/group-deals", market.seller().token(),
				Api.map("listingId", market.listingId(), "skuId", market.product().skuId(), "groupPrice", 3_500,
						"groupSize", 3, "window", "PT24H")))
			.id();
		Map<String, Object> groupOrder = scenario.orderBody(market.listingId(), market.product().skuId(), 1);
		groupOrder.put("groupDealId", dealId);
		groupId = ok(api.post("/api/v1/orders", buyer.token(), groupOrder)).text("groupId");
		withdrawalShop = market.shop().id();
		batchId = ok(api.upload("/api/v1/suppliers/" + market.product().supplierId() + "/shipment-batches",
				market.supplier().token(), "file", "shipped.csv", "text/csv",
				("orderId,carrier,trackingNumber\n" + orderId + ",SF Express,SF" + SECRET + "\n")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.id();
		flagId = UUID.randomUUID().toString();
		ids.put("shopId", market.shop().id());
		ids.put("supplierId", market.product().supplierId());
		ids.put("orderId", orderId);
		ids.put("paymentId", paymentId);
		ids.put("complaintId", complaintId);
		ids.put("photoId", photoId);
		ids.put("verificationId", verificationId);
		ids.put("documentId", documentId);
		ids.put("code", shareCode);
		ids.put("groupId", groupId);
		ids.put("dealId", dealId);
		ids.put("flagId", flagId);
		ids.put("batchId", batchId);
		ids.put("skuId", market.product().skuId());
		ids.put("productId", market.product().productId());
		ids.put("listingId", market.listingId());
		ids.put("slug", market.shop().slug());
	}

	/** The id of the world's resource a path variable names, or null when the world has none. */
	String id(String variable) {
		return ids.get(variable);
	}

	/** A plausible JSON body for a schema: what a legitimate caller would send, ids from this world. */
	Object body(JsonNode schema, JsonNode components) {
		return value("", schema, components, 0);
	}

	private Object value(String name, JsonNode schema, JsonNode components, int depth) {
		if (schema == null || depth > 6) {
			return null;
		}
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			return value(name, components.get(ref.substring(ref.lastIndexOf('/') + 1)), components, depth + 1);
		}
		Object known = known(name);
		if (known != null) {
			return known;
		}
		String type = schema.has("type") ? schema.get("type").asString() : "object";
		switch (type) {
			case "object" -> {
				Map<String, Object> object = new LinkedHashMap<>();
				if (schema.has("properties")) {
					for (var property : schema.get("properties").properties()) {
						Object v = value(property.getKey(), property.getValue(), components, depth + 1);
						if (v != null) {
							object.put(property.getKey(), v);
						}
					}
				}
				return object;
			}
			case "array" -> {
				List<Object> list = new ArrayList<>();
				Object item = value(singular(name), schema.get("items"), components, depth + 1);
				if (item != null) {
					list.add(item);
				}
				return list;
			}
			case "integer", "number" -> {
				return 100;
			}
			case "boolean" -> {
				return true;
			}
			default -> {
				if (schema.has("enum")) {
					return schema.get("enum").get(0).asString();
				}
				if ("uuid".equals(schema.path("format").asString(""))) {
					return UUID.randomUUID().toString();
				}
				return "Test value";
			}
		}
	}

	private Object known(String name) {
		return switch (name) {
			case "listingId" -> market.listingId();
			case "skuId" -> market.product().skuId();
			case "productId" -> market.product().productId();
			case "subjectId" -> market.shop().id();
			case "subject" -> "shop";
			case "groupDealId", "groupId", "shareCode", "recruiterCode", "licenseNumber", "refundAmount" -> null;
			case "imageUrls" -> List.of();
			case "phone" -> "+8613912345678";
			case "idNumber" -> "11010119900307123X";
			case "slug" -> "s" + Long.toString(System.nanoTime(), 36);
			case "channel" -> "link";
			case "window" -> "PT24H";
			case "groupSize" -> 3;
			case "quantity" -> 1;
			case "price", "groupPrice" -> 3_900;
			case "supplyPrice" -> 2_000;
			case "minRetailPrice" -> 3_000;
			case "level1CommissionBps", "level2CommissionBps" -> 100;
			case "reason" -> "DAMAGED";
			case "outcome" -> "REJECT";
			case "password" -> "password-123";
			default -> null;
		};
	}

	private static String singular(String name) {
		return switch (name) {
			case "items" -> "item";
			case "prices" -> "price-entry";
			case "skus" -> "sku";
			default -> name;
		};
	}

	private static Api.Response ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 299);
		return response;
	}

}

package io.microshop.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.microshop.support.Api;
import io.microshop.support.AppTest;
import io.microshop.support.Scenario;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.microshop.support.TestFiles.image;
import static io.microshop.support.TestFiles.png;
import static io.microshop.support.TestFiles.withBom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supplier's uploads over the API: product pictures (resized, served with long cache
 * headers, refused when not pictures) and bulk shipping by CSV (every status of the contract,
 * row errors with their line numbers, a re-upload that changes nothing, oversized and binary
 * files refused cleanly).
 */
class SupplierUploadsApiTest extends AppTest {

	// ---------------------------------------------------------------- images

	@Test
	void aPictureIsResizedIntoThreeSizesAndServedWithLongCacheHeaders() throws IOException {
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 0);
		Scenario.Product p = market.product();
		var uploaded = api.upload(imagesPath(p), p.owner().token(), "file", "photo.png", "image/png", png(1600, 1200));
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		JsonNode body = uploaded.json();
		assertThat(body.get("width").asInt()).isEqualTo(1200);
		assertThat(body.get("height").asInt()).isEqualTo(900);
		assertThat(body.get("thumbUrl").asString()).endsWith("/thumb-200x150.jpg");
		assertThat(body.get("cardUrl").asString()).endsWith("/card-480x360.jpg");
		assertThat(body.get("fullUrl").asString()).endsWith("/full-1200x900.jpg");
		assertThat(uploaded.headers().get("location").get(0)).endsWith(body.get("fullUrl").asString());

		for (String size : List.of("thumbUrl", "cardUrl", "fullUrl")) {
			var image = api.downloadBytes(body.get(size).asString(), null);
			assertThat(image.statusCode()).isEqualTo(200);
			assertThat(image.headers().firstValue("content-type").orElse("")).isEqualTo("image/jpeg");
			assertThat(image.headers().firstValue("cache-control").orElse("")).contains("max-age=31536000")
				.contains("public").contains("immutable");
			BufferedImage read = ImageIO.read(new ByteArrayInputStream(image.body()));
			String[] dims = body.get(size).asString().replaceAll(".*-(\\d+x\\d+)\\.jpg", "$1").split("x");
			assertThat(read.getWidth()).isEqualTo(Integer.parseInt(dims[0]));
			assertThat(read.getHeight()).isEqualTo(Integer.parseInt(dims[1]));
		}
		assertThat(api.downloadBytes(body.get("fullUrl").asString().replace("full-", "nope-"), null).statusCode())
			.isEqualTo(404);
		assertThat(api.downloadBytes("/images/p/" + UUID.randomUUID() + "/card-480x360.jpg", null).statusCode())
			.isEqualTo(404);

		JsonNode product = api.get("/api/v1/suppliers/" + p.supplierId() + "/products", p.owner().token()).json().get(0);
		assertThat(product.get("imageUrls").get(0).asString()).isEqualTo(body.get("fullUrl").asString());
		String listing = api.send("GET", "/l/" + market.listingId(), null, null, Map.of("Accept", "text/html")).body();
		assertThat(listing).contains("srcset=\"" + body.get("thumbUrl").asString() + " 200w, ")
			.contains(body.get("cardUrl").asString() + " 480w").contains(body.get("fullUrl").asString() + " 1200w")
			.contains("width=\"480\"").contains("height=\"360\"").contains("loading=\"eager\"");

		// a small picture is never enlarged: its sizes collapse
		var small = api.upload(imagesPath(p), p.owner().token(), "file", "small.gif", "image/gif", image(150, 100, "gif"));
		assertThat(small.status()).as(small.toString()).isEqualTo(201);
		assertThat(small.text("cardUrl")).endsWith("/card-150x100.jpg");
	}

	@Test
	void whatIsNotAPictureIsRefused() {
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 0);
		Scenario.Product p = market.product();
		String token = p.owner().token();
		var text = api.upload(imagesPath(p), token, "file", "photo.png", "image/png",
				"not a picture at all, just text".getBytes(StandardCharsets.UTF_8));
		assertThat(text.status()).as(text.toString()).isEqualTo(415);
		assertThat(text.problemType()).endsWith("/unsupported-file");
		var pdf = api.upload(imagesPath(p), token, "file", "doc.jpg", "image/jpeg",
				"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(pdf.status()).as(pdf.toString()).isEqualTo(415);
		// a JPEG signature with garbage behind it: recognised by its first bytes, unreadable as a picture
		byte[] fake = new byte[2000];
		fake[0] = (byte) 0xFF;
		fake[1] = (byte) 0xD8;
		fake[2] = (byte) 0xFF;
		var broken = api.upload(imagesPath(p), token, "file", "x.jpg", "image/jpeg", fake);
		assertThat(broken.status()).as(broken.toString()).isEqualTo(415);

		byte[] big = new byte[5 * 1024 * 1024 + 10];
		System.arraycopy(png(), 0, big, 0, 8);
		var tooBig = api.upload(imagesPath(p), token, "file", "big.png", "image/png", big);
		assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(413);

		var missing = api.send("POST", imagesPath(p), token, null, Map.of());
		assertThat(missing.status()).as(missing.toString()).isEqualTo(400);

		var anonymous = api.upload(imagesPath(p), null, "file", "p.png", "image/png", png());
		assertThat(anonymous.status()).isEqualTo(401);
		var stranger = api.upload(imagesPath(p), scenario.user().token(), "file", "p.png", "image/png", png());
		assertThat(stranger.status()).isEqualTo(403);
		var unknownProduct = api.upload("/api/v1/suppliers/" + p.supplierId() + "/products/" + UUID.randomUUID() + "/images",
				token, "file", "p.png", "image/png", png());
		assertThat(unknownProduct.status()).isEqualTo(404);
		var unknownSupplier = api.upload("/api/v1/suppliers/" + UUID.randomUUID() + "/products/" + p.productId() + "/images",
				token, "file", "p.png", "image/png", png());
		assertThat(unknownSupplier.status()).isEqualTo(404);
		// another supplier's product, under one's own supplier
		Scenario.Product other = scenario.market(1000, 2000, 2500, 10, 0).product();
		var othersProduct = api.upload("/api/v1/suppliers/" + p.supplierId() + "/products/" + other.productId() + "/images",
				token, "file", "p.png", "image/png", png());
		assertThat(othersProduct.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/suppliers/" + p.supplierId() + "/products", token).json().get(0).get("imageUrls"))
			.isEmpty();
	}

	// ---------------------------------------------------------------- bulk shipping

	@Test
	void everyRowIsCheckedAndReportedOnItsLineAndAReUploadChangesNothing() {
		Scenario.Market market = scenario.market(1000, 2000, 2500, 100, 0);
		Scenario.User buyer = scenario.user();
		String paid1 = paidOrder(buyer, market);
		String paid2 = paidOrder(buyer, market);
		String paid3 = paidOrder(buyer, market);
		String paid4 = paidOrder(buyer, market);
		var unpaid = scenario.order(buyer, market, 1);
		assertThat(unpaid.status()).isEqualTo(201);
		var toCancel = scenario.order(buyer, market, 1);
		assertThat(api.post("/api/v1/orders/" + toCancel.id() + "/cancel", buyer.token(), null).status()).isEqualTo(200);
		Scenario.Market otherMarket = scenario.market(1000, 2000, 2500, 10, 0);
		String othersOrder = paidOrder(buyer, otherMarket);

		String csv = "orderId,carrier,trackingNumber\r\n" // line 1
				+ paid1 + ",SF Express,SF001\r\n" // 2
				+ paid2 + ",SF Express,SF002\r\n" // 3
				+ UUID.randomUUID() + ",SF Express,SF003\r\n" // 4 unknown
				+ othersOrder + ",SF Express,SF004\r\n" // 5 another supplier's
				+ paid1 + ",SF Express,SF001\r\n" // 6 duplicate of line 2
				+ unpaid.id() + ",SF Express,SF005\r\n" // 7 not paid
				+ paid3 + ",SF Express\r\n" // 8 two columns
				+ toCancel.id() + ",SF Express,SF006\r\n" // 9 cancelled
				+ "\r\n" // 10 blank line: skipped
				+ paid3 + ",\"ZTO, Express\",\"ZT\"\"7\"\r\n" // 11 quoted fields
				+ paid4 + ",,SF008\r\n" // 12 blank carrier
				+ "not-an-id,SF Express,SF009\r\n"; // 13 malformed id
		byte[] file = withBom(csv);
		String path = batchesPath(market);
		var accepted = api.upload(path, market.supplier().token(), "file", "orders.csv", "text/csv", file);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		assertThat(accepted.headers().get("location").get(0)).endsWith(path + "/" + accepted.id());
		assertThat(accepted.json().get("total").asInt()).isEqualTo(11);
		assertThat(accepted.json().has("done")).isTrue();
		assertThat(accepted.json().has("failed")).isTrue();

		JsonNode done = awaitDone(market, accepted.id());
		assertThat(done.get("total").asInt()).isEqualTo(11);
		assertThat(done.get("done").asInt()).isEqualTo(11);
		assertThat(done.get("shipped").asInt()).isEqualTo(3);
		assertThat(done.get("alreadyShipped").asInt()).isZero();
		assertThat(done.get("failed").asInt()).isEqualTo(8);
		Map<Integer, String> errors = errors(done);
		assertThat(errors).containsExactlyInAnyOrderEntriesOf(Map.of(4, "unknown-order", 5, "other-supplier", 6,
				"duplicate", 7, "not-paid", 8, "columns", 9, "cancelled", 12, "blank", 13, "unknown-order"));
		assertThat(errors).hasSize(8);
		JsonNode line6 = rowError(done, 6);
		assertThat(line6.get("orderId").asString()).isEqualTo(paid1);
		assertThat(line6.get("message").asString()).contains("line 2");

		JsonNode shipped3 = scenario.awaitStatus(buyer, paid3, "SHIPPED");
		assertThat(shipped3.get("shipment").get("carrier").asString()).isEqualTo("ZTO, Express");
		assertThat(shipped3.get("shipment").get("trackingNumber").asString()).isEqualTo("ZT\"7");
		assertThat(api.get("/api/v1/orders/" + othersOrder, buyer.token()).text("status")).isEqualTo("PAID");
		assertThat(api.get("/api/v1/orders/" + paid4, buyer.token()).text("status")).isEqualTo("PAID");
		assertThat(api.get("/api/v1/orders/" + unpaid.id(), buyer.token()).text("status")).isEqualTo("PENDING_PAYMENT");

		// the same file again: nothing shipped twice, the shipped rows count as already shipped
		Map<String, String> before = shipments(buyer, paid1, paid2, paid3);
		var again = api.upload(path, market.supplier().token(), "file", "orders.csv", "text/csv", file);
		assertThat(again.status()).isEqualTo(202);
		JsonNode second = awaitDone(market, again.id());
		assertThat(second.get("shipped").asInt()).isZero();
		assertThat(second.get("alreadyShipped").asInt()).isEqualTo(3);
		assertThat(second.get("failed").asInt()).isEqualTo(8);
		assertThat(errors(second)).isEqualTo(errors);
		assertThat(shipments(buyer, paid1, paid2, paid3)).isEqualTo(before);

		// shipped with another tracking number: an error, and the order keeps its shipment
		var changed = api.upload(path, market.supplier().token(), "file", "fix.csv", "text/csv",
				("orderId,carrier,trackingNumber\n" + paid1 + ",SF Express,OTHER\n").getBytes(StandardCharsets.UTF_8));
		JsonNode third = awaitDone(market, changed.id());
		assertThat(errors(third)).isEqualTo(Map.of(2, "shipped-otherwise"));
		assertThat(shipments(buyer, paid1)).isEqualTo(Map.of(paid1, "SF Express/SF001"));
	}

	@Test
	void filesThatAreNoShippingCsvAreRefusedWhole() {
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 0);
		String path = batchesPath(market);
		String token = market.supplier().token();

		var wrongHeader = api.upload(path, token, "file", "orders.csv", "text/csv",
				"order,carrier\nabc,SF\n".getBytes(StandardCharsets.UTF_8));
		assertThat(wrongHeader.status()).as(wrongHeader.toString()).isEqualTo(422);
		assertThat(wrongHeader.json().get("rowErrors").get(0).get("line").asInt()).isEqualTo(1);
		assertThat(wrongHeader.json().get("rowErrors").get(0).get("error").asString()).isEqualTo("header");
		var headerOnly = api.upload(path, token, "file", "orders.csv", "text/csv",
				withBom("orderId,carrier,trackingNumber\r\n"));
		assertThat(headerOnly.status()).as(headerOnly.toString()).isEqualTo(422);

		var binary = api.upload(path, token, "file", "orders.csv", "text/csv", png());
		assertThat(binary.status()).as(binary.toString()).isEqualTo(415);
		assertThat(binary.problemType()).endsWith("/unsupported-file");
		byte[] latin1 = "orderId,carrier,trackingNumber\nabc,Sch\u00f6n,1\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(api.upload(path, token, "file", "orders.csv", "text/csv", latin1).status()).isEqualTo(415);

		byte[] sixMegabytes = new byte[5 * 1024 * 1024 + 100];
		java.util.Arrays.fill(sixMegabytes, (byte) 'a');
		var tooLarge = api.upload(path, token, "file", "orders.csv", "text/csv", sixMegabytes);
		assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);

		byte[] fiftyMegabytes = new byte[50 * 1024 * 1024];
		java.util.Arrays.fill(fiftyMegabytes, (byte) 'a');
		var huge = api.upload(path, token, "file", "orders.csv", "text/csv", fiftyMegabytes);
		assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
		assertThat(huge.contentType()).contains("json");

		var missing = api.send("POST", path, token, null, Map.of());
		assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
		var empty = api.upload(path, token, "file", "orders.csv", "text/csv", new byte[0]);
		assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM shipment_batches WHERE supplier_id = ?::uuid")
			.param(market.product().supplierId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void onlyTheSupplierSeesAndUploadsItsBatches() {
		Scenario.Market market = scenario.market(1000, 2000, 2500, 10, 0);
		String path = batchesPath(market);
		byte[] csv = ("orderId,carrier,trackingNumber\n" + UUID.randomUUID() + ",SF,1\n").getBytes(StandardCharsets.UTF_8);
		var accepted = api.upload(path, market.supplier().token(), "file", "o.csv", "text/csv", csv);
		assertThat(accepted.status()).isEqualTo(202);
		String batch = path + "/" + accepted.id();

		assertThat(api.upload(path, null, "file", "o.csv", "text/csv", csv).status()).isEqualTo(401);
		assertThat(api.get(batch, null).status()).isEqualTo(401);
		String stranger = scenario.user().token();
		assertThat(api.upload(path, stranger, "file", "o.csv", "text/csv", csv).status()).isEqualTo(403);
		assertThat(api.get(batch, stranger).status()).isEqualTo(403);
		assertThat(api.get(path + "/" + UUID.randomUUID(), market.supplier().token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/suppliers/" + UUID.randomUUID() + "/shipment-batches/" + accepted.id(),
				market.supplier().token()).status()).isEqualTo(404);
		assertThat(api.upload("/api/v1/suppliers/" + UUID.randomUUID() + "/shipment-batches", market.supplier().token(),
				"file", "o.csv", "text/csv", csv).status()).isEqualTo(404);
		// another supplier's batch under one's own supplier: not found
		Scenario.Market other = scenario.market(1000, 2000, 2500, 10, 0);
		assertThat(api.get(batchesPath(other) + "/" + accepted.id(), other.supplier().token()).status()).isEqualTo(404);
		assertThat(api.get(path + "/not-a-uuid", market.supplier().token()).status()).isEqualTo(404);
	}

	// ---------------------------------------------------------------- helpers

	private String paidOrder(Scenario.User buyer, Scenario.Market market) {
		var order = scenario.order(buyer, market, 1);
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		scenario.pay(buyer, order);
		return order.id();
	}

	private JsonNode awaitDone(Scenario.Market market, String batchId) {
		long deadline = System.currentTimeMillis() + 20_000;
		JsonNode last = null;
		while (System.currentTimeMillis() < deadline) {
			var answer = api.get(batchesPath(market) + "/" + batchId, market.supplier().token());
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			last = answer.json();
			if ("DONE".equals(last.get("status").asString())) {
				return last;
			}
			Scenario.sleep(100);
		}
		throw new AssertionError("batch " + batchId + " never finished: " + last);
	}

	private static Map<Integer, String> errors(JsonNode batch) {
		Map<Integer, String> errors = new HashMap<>();
		batch.get("errors").forEach(e -> errors.put(e.get("line").asInt(), e.get("error").asString()));
		return errors;
	}

	private static JsonNode rowError(JsonNode batch, int line) {
		for (JsonNode e : batch.get("errors")) {
			if (e.get("line").asInt() == line) {
				return e;
			}
		}
		throw new AssertionError("no error on line " + line);
	}

	private Map<String, String> shipments(Scenario.User buyer, String... orderIds) {
		Map<String, String> shipments = new HashMap<>();
		for (String id : orderIds) {
			JsonNode shipment = api.get("/api/v1/orders/" + id, buyer.token()).json().get("shipment");
			shipments.put(id, shipment.get("carrier").asString() + "/" + shipment.get("trackingNumber").asString());
		}
		return shipments;
	}

	private static String batchesPath(Scenario.Market market) {
		return "/api/v1/suppliers/" + market.product().supplierId() + "/shipment-batches";
	}

	private static String imagesPath(Scenario.Product p) {
		return "/api/v1/suppliers/" + p.supplierId() + "/products/" + p.productId() + "/images";
	}

}

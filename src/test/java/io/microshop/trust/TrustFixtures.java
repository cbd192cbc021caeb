package io.microshop.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.ImageIO;

import io.microshop.support.Api;
import io.microshop.support.MutableClock;
import io.microshop.support.Scenario;
import io.microshop.support.Scenario.Market;
import io.microshop.support.Scenario.User;

/** Files, verifications and settled money for the trust tests, through the public API. */
final class TrustFixtures {

	private final Api api;

	private final Scenario scenario;

	private final MutableClock clock;

	TrustFixtures(Api api, Scenario scenario, MutableClock clock) {
		this.api = api;
		this.scenario = scenario;
		this.clock = clock;
	}

	static byte[] png() {
		BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0xFF0000);
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** The first bytes of a Linux executable: whatever its name says, it is no image. */
	static byte[] executable() {
		byte[] bytes = new byte[256];
		bytes[0] = 0x7F;
		bytes[1] = 'E';
		bytes[2] = 'L';
		bytes[3] = 'F';
		return bytes;
	}

	/** Submits a verification for the subject and returns its id. */
	String submit(User owner, String subject, String subjectId, String legalName) {
		var created = api.post("/api/v1/verifications", owner.token(), Api.map("subject", subject, "subjectId", subjectId,
				"legalName", legalName, "idNumber", "11010119900307123X"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	/** Submitted and approved by the operator: the subject is verified. */
	void verify(User owner, String subject, String subjectId) {
		String id = submit(owner, subject, subjectId, "Li Lei");
		var decided = api.post("/api/v1/ops/verifications/" + id + "/decision", scenario.operatorToken(),
				Api.map("approve", true, "reason", "documents match"));
		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
	}

	/** One order of the market paid, shipped, received and settled: its parts become available. */
	void settledOrder(Market market, int quantity) {
		User buyer = scenario.user();
		var order = scenario.order(buyer, market, quantity);
		scenario.pay(buyer, order);
		var shipped = api.post("/api/v1/suppliers/" + market.product().supplierId() + "/orders/" + order.id()
				+ "/shipments", market.supplier().token(), Api.map("carrier", "SF Express", "trackingNumber", "SF1"));
		assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
		var received = api.post("/api/v1/orders/" + order.id() + "/confirm-receipt", buyer.token(), null);
		assertThat(received.status()).as(received.toString()).isEqualTo(200);
		clock.advance(Duration.ofDays(8));
		scenario.awaitStatus(buyer, order.id(), "SETTLED");
	}

}

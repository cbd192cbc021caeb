package io.microshop.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Sandbox-Signature: t=<unix seconds>,v1=<hex>}, where v1 is HMAC-SHA256 over
 * {@code <t>.<raw body>}. Events more than five minutes away from now are refused.
 */
public final class SandboxSignature {

	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	private SandboxSignature() {
	}

	public static String sign(String secret, long unixSeconds, String body) {
		return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
	}

	/** Whether the header is well formed, fresh and signed with the secret. */
	public static boolean verify(String secret, String header, String body, Instant now) {
		if (header == null || header.length() > 512) {
			return false;
		}
		Long t = null;
		String v1 = null;
		for (String part : header.split(",")) {
			String[] kv = part.strip().split("=", 2);
			if (kv.length != 2) {
				return false;
			}
			if (kv[0].equals("t")) {
				try {
					t = Long.parseLong(kv[1]);
				}
				catch (NumberFormatException ex) {
					return false;
				}
			}
			else if (kv[0].equals("v1")) {
				v1 = kv[1];
			}
		}
		if (t == null || v1 == null) {
			return false;
		}
		if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
			return false;
		}
		byte[] expected = hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, v1.toLowerCase().getBytes(StandardCharsets.US_ASCII));
	}

	private static String hmac(String secret, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

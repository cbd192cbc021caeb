package io.microshop.platform.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file people may upload, recognised by their first bytes (their signature),
 * never by the name or the declared content type: a renamed executable is none of them.
 */
public enum FileKind {

	JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), GIF("image/gif", "gif"), WEBP("image/webp", "webp"),
	PDF("application/pdf", "pdf");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String contentType;

	private final String extension;

	FileKind(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return extension;
	}

	public boolean image() {
		return this != PDF;
	}

	/** The kind these bytes are, by their signature; empty for anything else. */
	public static Optional<FileKind> of(byte[] bytes) {
		if (bytes == null || bytes.length < 8) {
			return Optional.empty();
		}
		if ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (Arrays.equals(bytes, 0, 8, PNG_SIGNATURE, 0, 8)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, 0, "GIF87a") || startsWith(bytes, 0, "GIF89a")) {
			return Optional.of(GIF);
		}
		if (bytes.length >= 12 && startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WEBP")) {
			return Optional.of(WEBP);
		}
		if (startsWith(bytes, 0, "%PDF-")) {
			return Optional.of(PDF);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, String ascii) {
		byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
		return bytes.length >= offset + expected.length
				&& Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
	}

}

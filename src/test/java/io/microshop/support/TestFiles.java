package io.microshop.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Files to upload, made in memory: pictures, a PDF, an executable in disguise, CSV with a BOM. */
public final class TestFiles {

	/** The UTF-8 byte order mark spreadsheet programs put in front of a CSV export. */
	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private TestFiles() {
	}

	/** A small valid PNG (8 x 8 pixels). */
	public static byte[] png() {
		return png(8, 8);
	}

	/** A valid PNG of the given size. */
	public static byte[] png(int width, int height) {
		return image(width, height, "png");
	}

	/** A picture in the given ImageIO format: a white disc on green, so resizing has something to show. */
	public static byte[] image(int width, int height, String format) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x2e7d32));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalArgumentException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A minimal PDF document. */
	public static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** The first bytes of a Linux executable: whatever its name says, it is no image. */
	public static byte[] executable() {
		byte[] bytes = new byte[256];
		bytes[0] = 0x7F;
		bytes[1] = 'E';
		bytes[2] = 'L';
		bytes[3] = 'F';
		return bytes;
	}

	/** The text in UTF-8 behind a byte order mark, as spreadsheet programs save CSV. */
	public static byte[] withBom(String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[BOM.length + body.length];
		System.arraycopy(BOM, 0, all, 0, BOM.length);
		System.arraycopy(body, 0, all, BOM.length, body.length);
		return all;
	}

}

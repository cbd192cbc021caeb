package io.microshop.catalog.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import io.microshop.catalog.ImageSize;

/**
 * Turns an uploaded picture into the JPEGs pages show, with plain {@code javax.imageio}: the
 * size is read from the header before any pixel is decoded, so a tiny file claiming a huge
 * picture (a decompression bomb) is refused without using the memory.
 */
public final class Resizer {

	/** Forty megapixels: more than any phone camera, less than a bomb. */
	static final long MAX_PIXELS = 40_000_000L;

	private Resizer() {
	}

	/** The decoded picture, or empty when these bytes are no picture ImageIO can read within the limits. */
	public static Optional<BufferedImage> read(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					return Optional.empty();
				}
				return Optional.ofNullable(reader.read(0));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** The picture scaled to fit the size's width (never enlarged), aspect ratio kept, as a JPEG. */
	public static byte[] jpeg(BufferedImage source, ImageSize size) {
		int[] dims = size.fit(source.getWidth(), source.getHeight());
		BufferedImage current = opaque(source);
		// halve step by step: one big bilinear step looks jagged
		while (current.getWidth() / 2 >= dims[0]) {
			current = scale(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2));
		}
		if (current.getWidth() != dims[0] || current.getHeight() != dims[1]) {
			current = scale(current, dims[0], dims[1]);
		}
		return encode(current);
	}

	private static BufferedImage opaque(BufferedImage source) {
		BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
			g.drawImage(source, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	private static BufferedImage scale(BufferedImage source, int width, int height) {
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static byte[] encode(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.82f);
			param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}

package io.microshop.fission.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.microshop.platform.web.Yuan;
import io.microshop.shop.Listing;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Draws a listing's share poster (750 x 1100 PNG: the product image, title, price, shop name
 * and the QR code of the share link) and bare QR codes, with ZXing. The product image is read
 * only from this site's static files, never fetched from elsewhere; one that cannot be read
 * as a bitmap (the demo images are SVG) becomes a coloured panel with the title's initial.
 */
@Component
class Posters {

	static final int WIDTH = 750;

	static final int HEIGHT = 1100;

	static final int IMAGE_HEIGHT = 600;

	static final int QR_SIZE = 240;

	static final int QR_X = WIDTH - 40 - QR_SIZE;

	static final int QR_Y = HEIGHT - 40 - QR_SIZE;

	private static final Color INK = new Color(0x1b1b1f);

	private static final Color MUTED = new Color(0x4d4d57);

	private static final Color PRICE = new Color(0xc4161c);

	byte[] poster(Listing listing, String shareUrl) {
		BufferedImage poster = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = poster.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			drawProduct(g, listing);

			int y = IMAGE_HEIGHT + 70;
			g.setColor(INK);
			g.setFont(font(listing.title(), Font.BOLD, 40));
			for (String line : lines(g.getFontMetrics(), listing.title(), WIDTH - 80, 2)) {
				g.drawString(line, 40, y);
				y += 52;
			}
			boolean onePrice = listing.skus().stream().map(Listing.ListedSku::price).distinct().count() <= 1;
			String price = (onePrice ? "" : "from ") + Yuan.format(listing.fromPrice());
			g.setColor(PRICE);
			g.setFont(font(price, Font.BOLD, 56));
			g.drawString(price, 40, y + 40);

			g.setColor(MUTED);
			g.setFont(font(listing.shopName(), Font.PLAIN, 28));
			List<String> shop = lines(g.getFontMetrics(), listing.shopName(), QR_X - 70, 2);
			int shopY = QR_Y + 60;
			for (String line : shop) {
				g.drawString(line, 40, shopY);
				shopY += 38;
			}
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
			g.drawString("Scan the code to buy", 40, shopY + 20);
			g.setColor(new Color(0x1d6b3a));
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
			g.drawString("microshop", 40, HEIGHT - 50);

			g.drawImage(qrImage(shareUrl, QR_SIZE), QR_X, QR_Y, null);
		}
		finally {
			g.dispose();
		}
		return png(poster);
	}

	byte[] qr(String url, int size) {
		return png(qrImage(url, size));
	}

	private static BufferedImage qrImage(String url, int size) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			return MatrixToImageWriter.toBufferedImage(matrix);
		}
		catch (WriterException ex) {
			throw new IllegalStateException("A share URL did not fit in a QR code", ex);
		}
	}

	private static void drawProduct(Graphics2D g, Listing listing) {
		BufferedImage image = listing.imageUrls().isEmpty() ? null : readLocal(listing.imageUrls().get(0));
		if (image == null) {
			int hue = Math.floorMod(listing.title().hashCode(), 360);
			g.setColor(Color.getHSBColor(hue / 360f, 0.35f, 0.85f));
			g.fillRect(0, 0, WIDTH, IMAGE_HEIGHT);
			String title = listing.title().strip();
			String initial = title.isEmpty() ? "?" : new String(Character.toChars(title.codePointAt(0)));
			g.setColor(Color.WHITE);
			g.setFont(font(initial, Font.BOLD, 260));
			FontMetrics m = g.getFontMetrics();
			g.drawString(initial, (WIDTH - m.stringWidth(initial)) / 2, (IMAGE_HEIGHT + m.getAscent()) / 2 - 30);
			return;
		}
		// cover the panel, cropping the longer side
		double scale = Math.max((double) WIDTH / image.getWidth(), (double) IMAGE_HEIGHT / image.getHeight());
		int w = (int) Math.ceil(image.getWidth() * scale);
		int h = (int) Math.ceil(image.getHeight() * scale);
		g.setClip(0, 0, WIDTH, IMAGE_HEIGHT);
		g.drawImage(image, (WIDTH - w) / 2, (IMAGE_HEIGHT - h) / 2, w, h, null);
		g.setClip(null);
		g.setColor(new Color(0xd4d4dc));
		g.setStroke(new BasicStroke(1));
		g.drawLine(0, IMAGE_HEIGHT, WIDTH, IMAGE_HEIGHT);
	}

	/** A bitmap among this site's static files, or null (remote, SVG, missing, unreadable). */
	private static BufferedImage readLocal(String url) {
		if (!url.startsWith("/") || url.startsWith("//") || url.contains("..") || url.contains("?")) {
			return null;
		}
		ClassPathResource resource = new ClassPathResource("static" + url);
		if (!resource.exists()) {
			return null;
		}
		try (InputStream in = resource.getInputStream()) {
			return ImageIO.read(in);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** Sans-serif, or a font that has the text's characters (a Chinese title) if one is installed. */
	private static Font font(String text, int style, int size) {
		Font font = new Font(Font.SANS_SERIF, style, size);
		if (font.canDisplayUpTo(text) == -1) {
			return font;
		}
		for (String family : List.of("Noto Sans CJK SC", "WenQuanYi Zen Hei", "Droid Sans Fallback")) {
			Font other = new Font(family, style, size);
			if (other.canDisplayUpTo(text) == -1) {
				return other;
			}
		}
		return font;
	}

	/** The text in at most {@code max} lines of the width, the last one cut with an ellipsis. */
	static List<String> lines(FontMetrics metrics, String text, int width, int max) {
		List<String> lines = new ArrayList<>();
		String rest = text.strip();
		while (!rest.isEmpty() && lines.size() < max) {
			int end = rest.length();
			while (end > 1 && metrics.stringWidth(rest.substring(0, end)) > width) {
				end--;
			}
			if (end < rest.length()) {
				int space = rest.lastIndexOf(' ', end);
				if (space > end / 2) {
					end = space;
				}
			}
			String line = rest.substring(0, end).strip();
			rest = rest.substring(end).strip();
			if (!rest.isEmpty() && lines.size() == max - 1) {
				while (line.length() > 1 && metrics.stringWidth(line + "…") > width) {
					line = line.substring(0, line.length() - 1);
				}
				line = line + "…";
			}
			lines.add(line);
		}
		return lines;
	}

	private static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

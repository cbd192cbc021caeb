package io.microshop.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * The sizes a product image is kept in, by the width pages ask for: a thumbnail for lists,
 * a card for the storefront grid and the listing's first screen, and the full picture.
 */
public enum ImageSize {

	THUMB(200), CARD(480), FULL(1200);

	private final int maxWidth;

	ImageSize(int maxWidth) {
		this.maxWidth = maxWidth;
	}

	public int maxWidth() {
		return maxWidth;
	}

	/** Width and height for a picture of the given size: as wide as allowed, never enlarged, ratio kept. */
	public int[] fit(int width, int height) {
		if (width <= maxWidth) {
			return new int[] { width, height };
		}
		int h = (int) Math.max(1, Math.round((double) height * maxWidth / width));
		return new int[] { maxWidth, h };
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ImageSize> of(String label) {
		for (ImageSize size : values()) {
			if (size.label().equals(label)) {
				return Optional.of(size);
			}
		}
		return Optional.empty();
	}

}

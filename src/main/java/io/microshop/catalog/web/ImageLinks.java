package io.microshop.catalog.web;

import io.microshop.catalog.ImageSize;
import io.microshop.catalog.ProductImages;

import org.springframework.stereotype.Component;

/**
 * What templates write for a product image, as {@code th:srcset="${@img.srcset(url)}"}: for an
 * uploaded image its sizes and dimensions, read from its address; for any other address
 * (a demo picture) the address itself and no {@code srcset}, {@code width} nor {@code height}.
 */
@Component("img")
public class ImageLinks {

	/** The card-sized address: a good default {@code src} for phones. */
	public String card(String url) {
		return ProductImages.address(url).map(a -> a.url(ImageSize.CARD)).orElse(url);
	}

	/** {@code "<thumb> 200w, <card> 480w, <full> 1200w"}, or null when the image has one size only. */
	public String srcset(String url) {
		return ProductImages.address(url).map(a -> {
			StringBuilder set = new StringBuilder();
			int last = 0;
			for (ImageSize size : ImageSize.values()) {
				int width = size.fit(a.width(), a.height())[0];
				if (width > last) {
					set.append(set.isEmpty() ? "" : ", ").append(a.url(size)).append(' ').append(width).append('w');
					last = width;
				}
			}
			return set.toString();
		}).orElse(null);
	}

	/** The card size's width, to reserve the image's room before it loads; null when unknown. */
	public Integer width(String url) {
		return ProductImages.address(url).map(a -> ImageSize.CARD.fit(a.width(), a.height())[0]).orElse(null);
	}

	public Integer height(String url) {
		return ProductImages.address(url).map(a -> ImageSize.CARD.fit(a.width(), a.height())[1]).orElse(null);
	}

}

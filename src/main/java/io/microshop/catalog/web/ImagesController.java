package io.microshop.catalog.web;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.microshop.catalog.ImageSize;
import io.microshop.catalog.ProductImages;
import io.microshop.platform.web.FormValues;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves uploaded product images. An address never changes what it shows (a new picture gets
 * a new id), so browsers and CDNs may keep it for a year without asking again.
 */
@Controller
class ImagesController {

	private static final Pattern NAME = Pattern.compile("(thumb|card|full)-\\d{1,5}x\\d{1,5}\\.jpg");

	private final ProductImages images;

	ImagesController(ProductImages images) {
		this.images = images;
	}

	@GetMapping("/images/p/{imageId}/{name:.+}")
	ResponseEntity<byte[]> image(@PathVariable String imageId, @PathVariable String name) {
		Matcher m = NAME.matcher(name);
		UUID id = FormValues.uuid(imageId).orElse(null);
		if (id == null || !m.matches()) {
			return ResponseEntity.notFound().build();
		}
		return images.bytes(id, ImageSize.of(m.group(1)).orElseThrow())
			.map(bytes -> ResponseEntity.ok()
				.contentType(MediaType.IMAGE_JPEG)
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
				.body(bytes))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}

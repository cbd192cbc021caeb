package io.microshop.catalog;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.microshop.catalog.images.Resizer;
import io.microshop.catalog.persistence.ImageRows;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Ids;
import io.microshop.platform.Problem;
import io.microshop.platform.files.FileKind;
import io.microshop.platform.files.FileStorage;
import io.microshop.platform.files.Uploads;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Product images: a supplier uploads a picture (checked by its content, never its name), it
 * is resized at once into {@link ImageSize thumbnail, card and full} JPEGs kept in the file
 * storage, and the product's image list gets its address,
 * {@code /images/p/<id>/full-<w>x<h>.jpg}. The address carries the size, so pages can write
 * {@code srcset}, {@code width} and {@code height} without asking the database.
 */
@Service
public class ProductImages {

	/** {@code /images/p/<id>/<size>-<w>x<h>.jpg} */
	private static final Pattern URL = Pattern
		.compile("/images/p/([0-9a-f-]{36})/(thumb|card|full)-(\\d{1,5})x(\\d{1,5})\\.jpg");

	private static final Set<FileKind> PICTURES = Set.of(FileKind.JPEG, FileKind.PNG, FileKind.GIF, FileKind.WEBP);

	static final int MAX_IMAGES = 10;

	private final Catalog catalog;

	private final ImageRows rows;

	private final Uploads uploads;

	private final FileStorage files;

	private final Clock clock;

	ProductImages(Catalog catalog, ImageRows rows, Uploads uploads, FileStorage files, Clock clock) {
		this.catalog = catalog;
		this.rows = rows;
		this.uploads = uploads;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * Adds a picture to the supplier's product: 404 for a product of another supplier, 415 for
	 * anything that is not a JPEG, PNG or GIF picture, 413 past the upload limit, 422 when the
	 * product already has {@value #MAX_IMAGES} images.
	 */
	@Transactional
	public Uploaded upload(UUID supplierId, UUID productId, AccountPrincipal caller, MultipartFile file) {
		catalog.requireOwned(supplierId, caller);
		if (!rows.productOf(productId, supplierId)) {
			throw Problem.notFound("The product");
		}
		if (file == null || file.isEmpty()) {
			throw new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					"Send the picture as the multipart part \"file\".", Map.of("file", "a picture is required"));
		}
		Uploads.Checked checked = uploads.check("file", file, PICTURES);
		BufferedImage picture = Resizer.read(checked.bytes())
			.orElseThrow(() -> new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file", "Unsupported file",
					"This picture cannot be read: send a JPEG, PNG or GIF of at most 40 megapixels.",
					Map.of("file", "must be a readable JPEG, PNG or GIF picture")));
		if (rows.imageCount(productId) >= MAX_IMAGES) {
			throw Problem.unprocessable("too-many-images", "Too many images",
					"A product has at most " + MAX_IMAGES + " images.");
		}
		UUID id = Ids.newId();
		Map<ImageSize, String> keys = new EnumMap<>(ImageSize.class);
		Map<ImageSize, String> urls = new EnumMap<>(ImageSize.class);
		for (ImageSize size : ImageSize.values()) {
			keys.put(size, files.put("product-images", FileKind.JPEG, Resizer.jpeg(picture, size)));
			urls.put(size, url(id, size, picture.getWidth(), picture.getHeight()));
		}
		int[] full = ImageSize.FULL.fit(picture.getWidth(), picture.getHeight());
		rows.insert(id, productId, supplierId, full[0], full[1], keys, clock.instant());
		rows.appendImageUrl(productId, urls.get(ImageSize.FULL));
		return new Uploaded(id, productId, urls.get(ImageSize.THUMB), urls.get(ImageSize.CARD),
				urls.get(ImageSize.FULL), full[0], full[1]);
	}

	/** The stored JPEG of one size of an image, if the address names one. */
	@Transactional(readOnly = true)
	public Optional<byte[]> bytes(UUID imageId, ImageSize size) {
		return rows.key(imageId, size).flatMap(files::get);
	}

	/** The address of one size of an image whose original is {@code width x height}. */
	static String url(UUID id, ImageSize size, int width, int height) {
		int[] dims = size.fit(width, height);
		return "/images/p/" + id + "/" + size.label() + "-" + dims[0] + "x" + dims[1] + ".jpg";
	}

	/** An uploaded image's address read back: its id, size and dimensions; empty for other addresses. */
	public static Optional<Address> address(String url) {
		if (url == null) {
			return Optional.empty();
		}
		Matcher m = URL.matcher(url);
		if (!m.matches()) {
			return Optional.empty();
		}
		return Optional.of(new Address(UUID.fromString(m.group(1)), ImageSize.of(m.group(2)).orElseThrow(),
				Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
	}

	/** Where an uploaded image's sizes are, and how big it is at its full size. */
	public record Uploaded(UUID id, UUID productId, String thumbUrl, String cardUrl, String fullUrl, int width,
			int height) {
	}

	/** An image address taken apart. */
	public record Address(UUID id, ImageSize size, int width, int height) {

		/** The address of another size of the same image. */
		public String url(ImageSize other) {
			return ProductImages.url(id, other, width, height);
		}

	}

}

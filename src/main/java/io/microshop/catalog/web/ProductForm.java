package io.microshop.catalog.web;

import java.util.ArrayList;
import java.util.List;

import io.microshop.catalog.NewProduct;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageText;
import io.microshop.platform.web.Yuan;

import org.springframework.util.MultiValueMap;

/**
 * The add-product form as typed, kept so a refused form comes back filled in. Money is typed
 * in yuan ({@code 12.50}) and read into fen exactly; SKU rows left empty are skipped.
 */
record ProductForm(String title, String description, String imageUrl, String shippingFee, List<Row> rows) {

	static final int ROWS = 3;

	static ProductForm empty() {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(new Row("", "", "", "", ""));
		}
		return new ProductForm("", "", "", "0", rows);
	}

	static ProductForm of(MultiValueMap<String, String> params) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(new Row(at(params, "skuCode", i), at(params, "skuName", i), at(params, "skuSupplyPrice", i),
					at(params, "skuMinRetailPrice", i), at(params, "skuStock", i)));
		}
		return new ProductForm(text(params.getFirst("title")), text(params.getFirst("description")),
				text(params.getFirst("imageUrl")), text(params.getFirst("shippingFee")), rows);
	}

	/** The product to publish, or a refusal worded in the page's language. */
	NewProduct toNewProduct(PageText text) {
		if (title.isBlank()) {
			throw refused("title", text.get("supplier.form.title"));
		}
		long fee = shippingFee.isBlank() ? 0 : yuan(text, text.get("supplier.form.shippingFee"), shippingFee);
		List<NewProduct.NewSku> skus = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			if (row.isEmpty()) {
				continue;
			}
			String label = text.get("supplier.form.skuRow", i + 1);
			if (row.code().isBlank() || row.name().isBlank()) {
				throw refused("skus", text.get("supplier.form.codeAndName", label));
			}
			long supply = yuan(text, text.get("supplier.form.supplyPrice", label), row.supplyPrice());
			long floor = yuan(text, text.get("supplier.form.minRetailPrice", label), row.minRetailPrice());
			if (floor < 1) {
				throw refused("skus", text.get("supplier.form.floorAboveZero", label));
			}
			if (floor < supply) {
				throw refused("skus", text.get("supplier.form.floorBelowSupply", label));
			}
			skus.add(new NewProduct.NewSku(row.code().strip(), row.name().strip(), supply, floor,
					count(text, text.get("supplier.form.stock", label), row.stock())));
		}
		if (skus.isEmpty()) {
			throw refused("skus", text.get("supplier.form.oneSku"));
		}
		return new NewProduct(title.strip(), description.isBlank() ? null : description.strip(),
				imageUrl.isBlank() ? List.of() : List.of(imageUrl.strip()), fee, skus);
	}

	/** A whole number of units, 0 to a billion. */
	static int count(PageText text, String field, String value) {
		String t = value == null ? "" : value.strip();
		if (!t.matches("\\d{1,10}") || Long.parseLong(t) > 1_000_000_000L) {
			throw refused("stock", text.get("supplier.form.count", field));
		}
		return Integer.parseInt(t);
	}

	/**
	 * A refusal whose sentence is already complete and in the page's language (so the form's
	 * message is shown as is, nothing put in front of it).
	 */
	static Problem refused(String field, String sentence) {
		return new Problem(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request",
				"Invalid request", sentence, java.util.Map.of(field, "is not valid"));
	}

	/** An amount typed in yuan, read into fen exactly. */
	private static long yuan(PageText text, String field, String value) {
		try {
			return Yuan.parse(field, value);
		}
		catch (Problem problem) {
			throw refused(field, text.get("supplier.form.amount", field));
		}
	}

	private static String at(MultiValueMap<String, String> params, String name, int i) {
		List<String> values = params.get(name);
		return values == null || values.size() <= i ? "" : text(values.get(i));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	record Row(String code, String name, String supplyPrice, String minRetailPrice, String stock) {

		boolean isEmpty() {
			return code.isBlank() && name.isBlank() && supplyPrice.isBlank() && minRetailPrice.isBlank()
					&& stock.isBlank();
		}

	}

}

package io.microshop.catalog.web;

import java.util.ArrayList;
import java.util.List;

import io.microshop.catalog.NewProduct;
import io.microshop.platform.Problem;
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

	NewProduct toNewProduct() {
		if (title.isBlank()) {
			throw Problem.invalidField("title", "Give the product a title.");
		}
		long fee = shippingFee.isBlank() ? 0 : Yuan.parse("Shipping fee", shippingFee);
		List<NewProduct.NewSku> skus = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			if (row.isEmpty()) {
				continue;
			}
			String label = "SKU row " + (i + 1);
			if (row.code().isBlank() || row.name().isBlank()) {
				throw Problem.invalidField("skus", label + " needs a code and a name.");
			}
			long supply = Yuan.parse(label + " supply price", row.supplyPrice());
			long floor = Yuan.parse(label + " minimum retail price", row.minRetailPrice());
			if (floor < 1) {
				throw Problem.invalidField("skus", label + " minimum retail price must be above zero.");
			}
			if (floor < supply) {
				throw Problem.invalidField("skus", label + " minimum retail price must not be below its supply price.");
			}
			skus.add(new NewProduct.NewSku(row.code().strip(), row.name().strip(), supply, floor, count(label + " stock",
					row.stock())));
		}
		if (skus.isEmpty()) {
			throw Problem.invalidField("skus", "Fill in at least one SKU row.");
		}
		return new NewProduct(title.strip(), description.isBlank() ? null : description.strip(),
				imageUrl.isBlank() ? List.of() : List.of(imageUrl.strip()), fee, skus);
	}

	/** A whole number of units, 0 to a billion. */
	static int count(String field, String text) {
		String t = text == null ? "" : text.strip();
		if (!t.matches("\\d{1,10}") || Long.parseLong(t) > 1_000_000_000L) {
			throw Problem.invalidField("stock", field + " must be a whole number from 0 to 1,000,000,000.");
		}
		return Integer.parseInt(t);
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

package io.microshop.catalog.web;

import java.util.List;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.NewProduct;
import io.microshop.catalog.Product;
import io.microshop.catalog.ProductImages;
import io.microshop.catalog.SkuChange;
import io.microshop.catalog.StockAlerts;
import io.microshop.catalog.Supplier;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ledger.Ledger;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supplier console: register as a supplier, publish a product with its SKUs, add its
 * pictures, keep stock up to date (with low-stock alerts) and watch the balance. Orders to ship are on the ordering module's tab,
 * {@code /supplier/orders}.
 */
@PageController
class SupplierConsoleController {

	private final Catalog catalog;

	private final Ledger ledger;

	private final jakarta.validation.Validator validator;

	private final ProductImages images;

	private final StockAlerts alerts;

	private final PageText text;

	SupplierConsoleController(Catalog catalog, Ledger ledger, jakarta.validation.Validator validator,
			ProductImages images, StockAlerts alerts, PageText text) {
		this.catalog = catalog;
		this.ledger = ledger;
		this.validator = validator;
		this.images = images;
		this.alerts = alerts;
		this.text = text;
	}

	@GetMapping("/supplier")
	String console(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String supplier,
			Model model) {
		List<Supplier> mine = catalog.suppliersOf(me.accountId());
		if (mine.isEmpty()) {
			return "catalog/register-supplier";
		}
		if (!model.containsAttribute("product")) {
			model.addAttribute("product", ProductForm.empty());
		}
		return page(mine, pick(mine, supplier), model);
	}

	@PostMapping("/supplier/register")
	String register(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String name,
			Model model, RedirectAttributes flash) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			model.addAttribute("error", text.get("supplier.register.nameRequired"));
			model.addAttribute("name", name);
			return "catalog/register-supplier";
		}
		Supplier supplier = catalog.registerSupplier(me, name);
		flash.addAttribute("supplier", supplier.id());
		flash.addFlashAttribute("notice", text.get("supplier.registered", supplier.name()));
		return "redirect:/supplier";
	}

	@PostMapping("/supplier/products")
	String publish(@AuthenticationPrincipal AccountPrincipal me, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes flash) {
		Supplier supplier = owned(me, params.getFirst("supplier"));
		ProductForm form = ProductForm.of(params);
		try {
			NewProduct product = form.toNewProduct(text);
			var violations = validator.validate(product);
			if (!violations.isEmpty()) {
				var first = violations.iterator().next();
				throw ProductForm.refused("product",
						text.get("supplier.form.check", first.getPropertyPath(), first.getMessage()));
			}
			Product published = catalog.publish(supplier.id(), me, product);
			flash.addAttribute("supplier", supplier.id());
			flash.addFlashAttribute("notice", published.skus().size() == 1
					? text.get("supplier.published.one", published.title())
					: text.get("supplier.published", published.title(), published.skus().size()));
			return "redirect:/supplier";
		}
		catch (Problem problem) {
			model.addAttribute("error", PageMessages.of(problem));
			model.addAttribute("product", form);
			return page(catalog.suppliersOf(me.accountId()), supplier, model);
		}
	}

	@PostMapping("/supplier/skus/{skuId}")
	String changeStock(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID skuId,
			@RequestParam(required = false) String supplier, @RequestParam(required = false) String stock,
			@RequestParam(required = false) String lowStockAt, RedirectAttributes flash) {
		Supplier owner = owned(me, supplier);
		flash.addAttribute("supplier", owner.id());
		try {
			int units = ProductForm.count(text, text.get("supplier.publish.stock"), stock);
			Integer level = lowStockAt == null || lowStockAt.isBlank() ? null
					: ProductForm.count(text, text.get("supplier.sku.alertOf"), lowStockAt);
			var sku = catalog.changeSku(owner.id(), skuId, me, new SkuChange(units, null, null));
			if (level != null) {
				alerts.setLevel(owner.id(), skuId, me, level);
			}
			flash.addFlashAttribute("notice", text.get("supplier.sku.saved", sku.code(), sku.stock(),
					alerts.levels(owner.id()).getOrDefault(skuId, 10)));
		}
		catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			flash.addFlashAttribute("error", PageMessages.of(problem));
		}
		return "redirect:/supplier";
	}

	/** A picture for a product: checked by content, resized, added to the product's images. */
	@PostMapping("/supplier/products/{productId}/images")
	String uploadImage(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID productId,
			@RequestParam(required = false) String supplier, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes flash) {
		Supplier owner = owned(me, supplier);
		flash.addAttribute("supplier", owner.id());
		try {
			images.upload(owner.id(), productId, me, file);
			String title = catalog.product(productId).map(Product::title).orElse("");
			flash.addFlashAttribute("notice", text.get("supplier.image.uploaded", title));
		}
		catch (Problem problem) {
			switch (problem.status().value()) {
				case 404, 403 -> throw problem;
				case 415 -> flash.addFlashAttribute("error", text.get("supplier.image.notImage"));
				case 413 -> flash.addFlashAttribute("error", text.get("supplier.image.tooLarge"));
				default -> flash.addFlashAttribute("error", PageMessages.of(problem));
			}
		}
		return "redirect:/supplier";
	}

	private String page(List<Supplier> mine, Supplier current, Model model) {
		model.addAttribute("suppliers", mine);
		model.addAttribute("supplier", current);
		model.addAttribute("balance", ledger.supplierBalance(current.id()));
		model.addAttribute("products", catalog.productsOf(current.id()));
		model.addAttribute("lowStock", alerts.lowStock(current.id()));
		model.addAttribute("levels", alerts.levels(current.id()));
		return "catalog/supplier";
	}

	/** The supplier named by a form, which must be the caller's: else 404 or 403. */
	private Supplier owned(AccountPrincipal me, String supplierId) {
		UUID id = FormValues.uuid(supplierId).orElseThrow(() -> Problem.notFound("The supplier"));
		return catalog.requireOwned(id, me);
	}

	private static Supplier pick(List<Supplier> mine, String wanted) {
		return FormValues.uuid(wanted)
			.flatMap(id -> mine.stream().filter(s -> s.id().equals(id)).findFirst())
			.orElse(mine.get(0));
	}

}

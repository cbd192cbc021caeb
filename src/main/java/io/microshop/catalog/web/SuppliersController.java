package io.microshop.catalog.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.NewProduct;
import io.microshop.catalog.Product;
import io.microshop.catalog.ProductImages;
import io.microshop.catalog.Sku;
import io.microshop.catalog.SkuChange;
import io.microshop.catalog.StockAlerts;
import io.microshop.catalog.Supplier;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ledger.Balance;
import io.microshop.ledger.Ledger;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class SuppliersController {

	private final Catalog catalog;

	private final Ledger ledger;

	private final ProductImages images;

	private final StockAlerts alerts;

	SuppliersController(Catalog catalog, Ledger ledger, ProductImages images, StockAlerts alerts) {
		this.catalog = catalog;
		this.ledger = ledger;
		this.images = images;
		this.alerts = alerts;
	}

	@PostMapping("/api/v1/suppliers")
	@ResponseStatus(HttpStatus.CREATED)
	Supplier register(@AuthenticationPrincipal AccountPrincipal me, @Valid @RequestBody NewSupplier body) {
		return catalog.registerSupplier(me, body.name());
	}

	@GetMapping("/api/v1/suppliers/{supplierId}")
	Supplier supplier(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId) {
		return catalog.requireOwned(supplierId, me);
	}

	@PostMapping("/api/v1/suppliers/{supplierId}/products")
	@ResponseStatus(HttpStatus.CREATED)
	Product publish(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId,
			@Valid @RequestBody NewProduct body) {
		return catalog.publish(supplierId, me, body);
	}

	@GetMapping("/api/v1/suppliers/{supplierId}/products")
	List<Product> products(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId) {
		catalog.requireOwned(supplierId, me);
		return catalog.productsOf(supplierId);
	}

	@PatchMapping("/api/v1/suppliers/{supplierId}/skus/{skuId}")
	Sku changeSku(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId,
			@PathVariable UUID skuId, @Valid @RequestBody SkuChange body) {
		return catalog.changeSku(supplierId, skuId, me, body);
	}

	/** A picture for the product (multipart part {@code file}), resized into its three sizes. */
	@PostMapping("/api/v1/suppliers/{supplierId}/products/{productId}/images")
	ResponseEntity<ProductImages.Uploaded> uploadImage(@AuthenticationPrincipal AccountPrincipal me,
			@PathVariable UUID supplierId, @PathVariable UUID productId,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		ProductImages.Uploaded image = images.upload(supplierId, productId, me, file);
		return ResponseEntity.created(URI.create(image.fullUrl())).body(image);
	}

	/** The SKUs at or below their low-stock alert level. */
	@GetMapping("/api/v1/suppliers/{supplierId}/low-stock")
	List<StockAlerts.LowStock> lowStock(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId) {
		catalog.requireOwned(supplierId, me);
		return alerts.lowStock(supplierId);
	}

	@GetMapping("/api/v1/suppliers/{supplierId}/balance")
	Balance balance(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId) {
		catalog.requireOwned(supplierId, me);
		return ledger.supplierBalance(supplierId);
	}

	@GetMapping("/api/v1/catalog")
	PageOf<Product> search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return catalog.search(q, PageRequest.of(page, size));
	}

	record NewSupplier(@NotBlank @Size(max = 100) String name) {
	}

}

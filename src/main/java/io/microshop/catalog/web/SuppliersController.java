package io.microshop.catalog.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.NewProduct;
import io.microshop.catalog.Product;
import io.microshop.catalog.Sku;
import io.microshop.catalog.SkuChange;
import io.microshop.catalog.Supplier;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ledger.Balance;
import io.microshop.ledger.Ledger;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SuppliersController {

	private final Catalog catalog;

	private final Ledger ledger;

	SuppliersController(Catalog catalog, Ledger ledger) {
		this.catalog = catalog;
		this.ledger = ledger;
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

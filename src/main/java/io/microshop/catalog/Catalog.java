package io.microshop.catalog;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.catalog.persistence.CatalogRows;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Ids;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog facade: suppliers publish products and SKUs; sellers search them; ordering
 * reserves and releases stock.
 */
@Service
public class Catalog {

	private final CatalogRows rows;

	private final Clock clock;

	Catalog(CatalogRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	@Transactional
	public Supplier registerSupplier(AccountPrincipal owner, String name) {
		Supplier supplier = new Supplier(Ids.newId(), owner.accountId(), name.strip(), false);
		rows.insertSupplier(supplier, clock.instant());
		return supplier;
	}

	/** Sets the supplier's verified mark, as trust's verification review decides. A system action. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void markVerified(UUID supplierId, boolean verified) {
		rows.markSupplierVerified(supplierId, verified);
	}

	@Transactional(readOnly = true)
	public Optional<Supplier> supplier(UUID supplierId) {
		return rows.findSupplier(supplierId);
	}

	@Transactional(readOnly = true)
	public List<Supplier> suppliersOf(UUID accountId) {
		return rows.suppliersOwnedBy(accountId);
	}

	/** The supplier, if the caller owns it: 404 when unknown, 403 when another account's. */
	@Transactional(readOnly = true)
	public Supplier requireOwned(UUID supplierId, AccountPrincipal caller) {
		Supplier supplier = rows.findSupplier(supplierId).orElseThrow(() -> Problem.notFound("The supplier"));
		if (!caller.is(supplier.ownerAccountId())) {
			throw Problem.forbidden("This supplier belongs to another account.");
		}
		return supplier;
	}

	@Transactional
	public Product publish(UUID supplierId, AccountPrincipal caller, NewProduct product) {
		requireOwned(supplierId, caller);
		long distinctCodes = product.skus().stream().map(NewProduct.NewSku::code).distinct().count();
		if (distinctCodes != product.skus().size()) {
			throw Problem.invalidField("skus", "SKU codes must be unique within a product");
		}
		for (NewProduct.NewSku sku : product.skus()) {
			if (sku.minRetailPrice() < sku.supplyPrice()) {
				throw Problem.invalidField("skus", "minRetailPrice of " + sku.code() + " is below its supplyPrice");
			}
		}
		UUID productId = Ids.newId();
		rows.insertProduct(productId, supplierId, product, clock.instant());
		return product(productId).orElseThrow();
	}

	@Transactional
	public Sku changeSku(UUID supplierId, UUID skuId, AccountPrincipal caller, SkuChange change) {
		requireOwned(supplierId, caller);
		Sku sku = rows.findSku(skuId)
			.filter(s -> rows.skuBelongsTo(skuId, supplierId))
			.orElseThrow(() -> Problem.notFound("The SKU"));
		if (change.isEmpty()) {
			throw Problem.invalidField("body", "give at least one of stock, supplyPrice, minRetailPrice");
		}
		long supply = change.supplyPrice() != null ? change.supplyPrice() : sku.supplyPrice();
		long floor = change.minRetailPrice() != null ? change.minRetailPrice() : sku.minRetailPrice();
		if (floor < supply) {
			throw Problem.invalidField("minRetailPrice", "must not be below supplyPrice");
		}
		rows.updateSku(skuId, change);
		return rows.findSku(skuId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Product> product(UUID productId) {
		return rows.findProducts(List.of(productId)).stream().findFirst();
	}

	/** The product with only the given SKUs. */
	@Transactional(readOnly = true)
	public Optional<Product> product(UUID productId, Collection<UUID> skuIds) {
		return rows.findProduct(productId, skuIds);
	}

	@Transactional(readOnly = true)
	public List<Product> products(Collection<UUID> productIds) {
		return rows.findProducts(productIds);
	}

	@Transactional(readOnly = true)
	public PageOf<Product> search(String query, PageRequest page) {
		String q = query == null ? "" : query.strip();
		if (q.length() > 100) {
			throw Problem.invalidField("q", "is too long (100 characters at most)");
		}
		List<UUID> ids = rows.searchProductIds(q, page);
		List<Product> products = rows.findProducts(ids);
		products = products.stream().sorted(Comparator.comparingInt(p -> ids.indexOf(p.id()))).toList();
		return new PageOf<>(products, page.page(), page.size(), rows.countProducts(q));
	}

	@Transactional(readOnly = true)
	public List<Product> productsOf(UUID supplierId) {
		return rows.findProducts(rows.productIdsOfSupplier(supplierId));
	}

	/**
	 * Takes stock for every line or for none: a conditional update per SKU, in SKU order so
	 * two orders never deadlock. Runs inside the caller's transaction.
	 * @return false when any SKU has too little stock (the caller rolls back)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean reserve(List<StockLine> lines) {
		for (StockLine line : sorted(lines)) {
			if (!rows.decrementStock(line.skuId(), line.quantity())) {
				return false;
			}
		}
		return true;
	}

	/** Gives stock back, in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void release(List<StockLine> lines) {
		sorted(lines).forEach(line -> rows.incrementStock(line.skuId(), line.quantity()));
	}

	private static List<StockLine> sorted(List<StockLine> lines) {
		return lines.stream().sorted(Comparator.comparing(StockLine::skuId)).toList();
	}

}

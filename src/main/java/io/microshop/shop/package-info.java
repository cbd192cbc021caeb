/**
 * Shops: sellers open a shop under a unique slug and list supplier products at their own
 * price per SKU, never below the supplier's floor. Owns the storefront pages (shop, listing
 * with its one-page checkout sheet) and the seller's shop console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shops",
		allowedDependencies = { "platform", "identity", "catalog", "ledger" })
package io.microshop.shop;

/**
 * Catalog: suppliers, their products and SKUs with supply price, price floor and the stock
 * that every shop listing the product shares. Stock only moves through
 * {@link io.microshop.catalog.Catalog#reserve} and {@link io.microshop.catalog.Catalog#release},
 * conditional updates that can never oversell.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
		allowedDependencies = { "platform", "identity", "ledger" })
package io.microshop.catalog;

/**
 * Shops: sellers open a shop under a unique slug and list supplier products at their own
 * price per SKU, never below the supplier's floor. Owns the storefront pages (shop, listing
 * with its one-page checkout sheet) and the seller's shop console. Keeps whether a shop is
 * suspended from new orders ({@code ShopSuspensions}, decided by trust) and shows its
 * complaint rate through the {@code ShopReputation} extension point, which trust implements.
 * And the anti-spam feed: fans follow, unfollow and mute shops, and a seller posts updates
 * that only followers see, a few a day ({@link io.microshop.shop.ShopUpdates}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shops",
		allowedDependencies = { "platform", "identity", "catalog", "ledger" })
package io.microshop.shop;

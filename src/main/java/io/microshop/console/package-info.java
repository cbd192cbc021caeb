/**
 * Console: the seller's dashboard, a page that composes what other modules own and owns no
 * data of its own. For today, 7 or 30 days: sales, orders and the sales per day (ordering),
 * visitors, the share-link funnel and the best promoters (fission), the balance (ledger), the
 * withdrawals (trust), the fans and the updates composer (shop). It reads only through those
 * modules' public services, each of which checks that the caller owns the shop; nothing
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console",
		allowedDependencies = { "platform", "identity", "shop", "ordering", "fission", "ledger", "trust" })
package io.microshop.console;

/**
 * Fission: growth through fans sharing. Owns share links (a short, unguessable code per
 * account, listing and channel), the visits they bring (a unique visitor is a first-party
 * cookie id), the attribution of orders to links (from ordering's events: the order's share
 * code, given by the API or by the page checkout from the last-click cookie) and what is
 * measured from them: per link and per shop, by channel, the funnel visit -> order -> paid,
 * the sales and the viral coefficient. Also the pages around sharing: the redirect
 * {@code /r/{code}}, the share sheet, the poster with its QR code and the seller's fission
 * console. Promoters, commissions and group buys will live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fission",
		allowedDependencies = { "platform", "identity", "shop", "ordering" })
package io.microshop.fission;

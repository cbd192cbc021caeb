/**
 * Fission: growth through fans sharing. Owns share links (a short, unguessable code per
 * account, listing and channel), the visits they bring (a unique visitor is a first-party
 * cookie id), the attribution of orders to links (from ordering's events: the order's share
 * code, given by the API or by the page checkout from the last-click cookie) and what is
 * measured from them: per link and per shop, by channel, the funnel visit -> order -> paid,
 * the sales and the viral coefficient. Also the pages around sharing: the redirect
 * {@code /r/{code}}, the share sheet, the poster with its QR code and the seller's fission
 * console. Promoters (a tree per shop: a recruiter always joined before its recruits) and
 * their commissions: decided by {@link io.microshop.fission.CommissionRule} when an order is
 * paid, through ordering's {@code CommissionPolicy}, held in escrow per promoter by the ledger,
 * available at settlement, cancelled with a refund; self-referrals earn nothing and are
 * flagged. Fraud signals about orders ({@link io.microshop.fission.FraudSignals}, judged from
 * ordering's events after their commits): self-referral, bursts of one buyer, one address or
 * device used by several buyer accounts at a shop, refund loops. A flagged order earns no
 * commission (pending ones are revoked through the ledger, with the order's row locked by
 * ordering) and counts in no statistic or ranking, until an operator dismisses the flag with a
 * reason (audited); the operator's queue is {@code /ops/fraud-flags}. Group buys: a seller's deal (group price not below the floor, size, window), groups
 * started and joined through ordering's {@code GroupBuyPolicy} (seats taken by one conditional
 * update, never more paid members than the size), the group page {@code /g/{id}} and the
 * scheduled failure of groups whose window closed short (their orders cancelled and refunded
 * through ordering).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fission",
		allowedDependencies = { "platform", "identity", "shop", "ordering", "ledger" })
package io.microshop.fission;

package io.microshop.fission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.fission.persistence.CommissionRows;
import io.microshop.fission.persistence.FraudFlagRows;
import io.microshop.fission.persistence.PromoterRows;
import io.microshop.fission.persistence.ShareRows;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ledger.Balance;
import io.microshop.ledger.EscrowSplit.Commission;
import io.microshop.ledger.Ledger;
import io.microshop.ordering.CommissionPolicy;
import io.microshop.ordering.PaidOrder;
import io.microshop.shop.Shop;
import io.microshop.shop.Shops;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promoters' commissions. As ordering's {@link CommissionPolicy} it decides, when an order is
 * paid, who earns what by {@link CommissionRule}: the order's share code names a link of the
 * order's shop, the link's sharer is a promoter of the shop, the shop's rates of that moment
 * apply. The decision (even "nothing") is stored in the payment's transaction and given back
 * unchanged whenever ordering asks again (refund, settlement), whatever changed since.
 * Statuses follow the order from its events ({@link CommissionEvents}). An order carrying an
 * open fraud flag when it is paid (a self-referral included, even the recruiter's that the rule
 * would pay level 1 for) earns nothing; one flagged later has its pending commissions revoked
 * ({@link CommissionRevocations}), and revoked commissions are no longer given to ordering.
 */
@Service
public class Commissions implements CommissionPolicy {

	static final String CURRENCY = "CNY";

	private final CommissionRows rows;

	private final PromoterRows promoters;

	private final ShareRows links;

	private final Shops shops;

	private final Ledger ledger;

	private final Clock clock;

	private final int maxLevels;

	private final FraudFlagRows flags;

	Commissions(CommissionRows rows, FraudFlagRows flags, PromoterRows promoters, ShareRows links, Shops shops,
			Ledger ledger, Clock clock,
			@Value("${microshop.fission.max-levels:2}") int maxLevels) {
		this.rows = rows;
		this.flags = flags;
		this.promoters = promoters;
		this.links = links;
		this.shops = shops;
		this.ledger = ledger;
		this.clock = clock;
		this.maxLevels = CommissionRule.requireMaxLevels(maxLevels);
	}

	public int maxLevels() {
		return maxLevels;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Commission> commissionsFor(PaidOrder order) {
		if (order.shareCode() == null) {
			return List.of();
		}
		if (rows.decided(order.orderId())) {
			return rows.commissionsOf(order.orderId());
		}
		Instant now = clock.instant();
		if (!rows.insertDecision(order.orderId(), order.shopId(), order.buyerId(), order.shareCode(), now)) {
			return rows.commissionsOf(order.orderId());
		}
		CommissionRule.Decision decision = decide(order);
		for (String detail : decision.selfReferrals()) {
			rows.insertFraudFlag(order.shopId(), order.orderId(), CommissionRule.SELF_REFERRAL, detail, now);
		}
		if (flags.openOn(order.orderId())) {
			// a flagged order earns no commission at all (the decision "none" is kept like any other)
			return List.of();
		}
		for (int i = 0; i < decision.commissions().size(); i++) {
			rows.insertCommission(order.orderId(), order.shopId(), decision.promoters().get(i),
					decision.commissions().get(i), now);
		}
		return decision.commissions();
	}

	private CommissionRule.Decision decide(PaidOrder order) {
		Optional<Promoter> sharer = (ShareCodes.looksLikeCode(order.shareCode()) ? links.findLink(order.shareCode())
				: Optional.<ShareLink>empty())
			.filter(link -> link.shopId().equals(order.shopId()))
			.flatMap(link -> promoters.find(order.shopId(), link.sharerAccountId()));
		Optional<Shop> shop = shops.shop(order.shopId());
		if (sharer.isEmpty() || shop.isEmpty()) {
			return CommissionRule.Decision.NONE;
		}
		Promoter recruiter = Optional.ofNullable(sharer.get().recruiterId()).flatMap(promoters::find).orElse(null);
		return CommissionRule.decide(order.buyerId(), sharer.get(), recruiter, shop.get().level1CommissionBps(),
				shop.get().level2CommissionBps(), maxLevels, order.lines());
	}

	/** The caller's commissions: ledger balances of their promoter accounts and every commission, newest first. */
	@Transactional(readOnly = true)
	public Mine mine(AccountPrincipal me) {
		return new Mine(ledger.promoterBalance(me.accountId()), rows.ofAccount(me.accountId()));
	}

	/** A promoter's commissions: {@code balance} from the ledger, {@code items} one per order and level. */
	public record Mine(Balance balance, List<CommissionRows.Item> items) {
	}

	/** The order settled: its commissions became available. */
	@Transactional(propagation = Propagation.MANDATORY)
	void settled(UUID orderId, Instant at) {
		rows.markPending(orderId, CommissionStatus.AVAILABLE, at);
	}

	/**
	 * Money of the order went back to the buyer before settlement: all of it cancels the
	 * commissions, part of it reduces them in proportion.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void refunded(UUID orderId, long paid, long refundedTotal, boolean full, Instant at) {
		if (full) {
			rows.markPending(orderId, CommissionStatus.CANCELLED, at);
		}
		else if (paid > 0) {
			rows.reduce(orderId, paid, refundedTotal, at);
		}
	}

	/** The order was cancelled and refunded: its commissions went back with the money. */
	@Transactional(propagation = Propagation.MANDATORY)
	void cancelled(UUID orderId, Instant at) {
		rows.markPending(orderId, CommissionStatus.CANCELLED, at);
	}

}

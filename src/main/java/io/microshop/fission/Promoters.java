package io.microshop.fission;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microshop.fission.persistence.PromoterRows;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Ids;
import io.microshop.platform.Problem;
import io.microshop.shop.Shops;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The promoters facade: a signed-in account joins a shop as a promoter, optionally through
 * the code of a promoter of that shop who recruits it. Joining is free and recruiting pays
 * nothing: promoters earn only commissions on the goods their links sell.
 * <p>
 * The shop's owner may join their own shop too: a commission they earn comes out of their
 * own seller's part, so it moves their money from one of their accounts to another and
 * takes nothing from anyone (and their own purchases earn nothing, like anyone's).
 * <p>
 * Self-recruitment and cycles cannot happen: a recruiter must already be a promoter when the
 * recruit joins, an account joins a shop once (a second time is 409, before any code is
 * read), and nobody's recruiter ever changes, so every recruiter is older than its recruits.
 */
@Service
public class Promoters {

	private static final int CODE_ATTEMPTS = 5;

	private final PromoterRows rows;

	private final Shops shops;

	private final Clock clock;

	Promoters(PromoterRows rows, Shops shops, Clock clock) {
		this.rows = rows;
		this.shops = shops;
		this.clock = clock;
	}

	/**
	 * Joins the shop: 404 unknown shop, 409 {@code already-promoter}, 422 naming
	 * {@code recruiterCode} when the code is no promoter's of this shop.
	 */
	@Transactional
	public Joined join(AccountPrincipal fan, UUID shopId, String recruiterCode) {
		shops.shop(shopId).orElseThrow(() -> Problem.notFound("The shop"));
		if (rows.find(shopId, fan.accountId()).isPresent()) {
			throw alreadyPromoter();
		}
		Promoter recruiter = null;
		if (recruiterCode != null && !recruiterCode.isBlank()) {
			String code = recruiterCode.strip();
			recruiter = (ShareCodes.looksLikeCode(code) ? rows.findByCode(code) : Optional.<Promoter>empty())
				.filter(r -> r.shopId().equals(shopId))
				.orElseThrow(() -> Problem.invalidField("recruiterCode", "is not the code of a promoter of this shop"));
		}
		int level = recruiter == null ? 1 : recruiter.level() + 1;
		for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
			Promoter promoter = new Promoter(Ids.newId(), shopId, fan.accountId(), ShareCodes.newCode(),
					recruiter == null ? null : recruiter.id(), level, clock.instant());
			if (rows.insert(promoter)) {
				return new Joined(promoter, recruiter);
			}
			if (rows.find(shopId, fan.accountId()).isPresent()) {
				// joined concurrently
				throw alreadyPromoter();
			}
		}
		throw new IllegalStateException("No free promoter code after " + CODE_ATTEMPTS + " attempts");
	}

	@Transactional(readOnly = true)
	public Optional<Promoter> promoter(UUID shopId, UUID accountId) {
		return rows.find(shopId, accountId);
	}

	/**
	 * The caller's memberships, oldest first: each with its shop (null if the shop is gone) and
	 * the promoter that recruited it (null at level 1).
	 */
	@Transactional(readOnly = true)
	public List<Membership> memberships(AccountPrincipal me) {
		return rows.ofAccount(me.accountId())
			.stream()
			.map(p -> new Membership(p, shops.shop(p.shopId()).orElse(null),
					p.recruiterId() == null ? null : rows.find(p.recruiterId()).orElse(null)))
			.toList();
	}

	private static Problem alreadyPromoter() {
		return Problem.conflict("already-promoter", "Already a promoter", "You are a promoter of this shop already.");
	}

	/** One shop the account promotes: its membership, the shop and the recruiter (nullable both). */
	public record Membership(Promoter promoter, io.microshop.shop.Shop shop, Promoter recruiter) {
	}

	/** A new promoter and the promoter that recruited it (null without recruiter). */
	public record Joined(Promoter promoter, Promoter recruiter) {
	}

}

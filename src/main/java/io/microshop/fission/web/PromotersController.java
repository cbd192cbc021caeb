package io.microshop.fission.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.microshop.fission.CommissionStatus;
import io.microshop.fission.Commissions;
import io.microshop.fission.Promoters;
import io.microshop.identity.AccountPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API of promoters and their commissions. */
@RestController
class PromotersController {

	private final Promoters promoters;

	private final Commissions commissions;

	PromotersController(Promoters promoters, Commissions commissions) {
		this.promoters = promoters;
		this.commissions = commissions;
	}

	/** Joins the shop as a promoter; the body (and the recruiter code in it) is optional. */
	@PostMapping("/api/v1/shops/{shopId}/promoters")
	@ResponseStatus(HttpStatus.CREATED)
	PromoterView join(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@Valid @RequestBody(required = false) JoinShop body) {
		Promoters.Joined joined = promoters.join(me, shopId, body == null ? null : body.recruiterCode());
		return new PromoterView(joined.promoter().id(), joined.promoter().code(), joined.promoter().level(),
				joined.recruiter() == null ? null : joined.recruiter().id());
	}

	@GetMapping("/api/v1/me/commissions")
	MyCommissionsView mine(@AuthenticationPrincipal AccountPrincipal me) {
		Commissions.Mine mine = commissions.mine(me);
		return new MyCommissionsView(mine.balance().pending(), mine.balance().available(), mine.balance().currency(),
				mine.items()
					.stream()
					.map(i -> new CommissionView(i.orderId(), i.shopId(), i.level(), i.amount(), i.status()))
					.toList());
	}

	record JoinShop(@Size(max = 64) String recruiterCode) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PromoterView(UUID promoterId, String code, int level, UUID recruitedBy) {
	}

	record MyCommissionsView(long pending, long available, String currency, List<CommissionView> items) {
	}

	record CommissionView(UUID orderId, UUID shopId, int level, long amount, CommissionStatus status) {
	}

}

package io.microshop.trust.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.trust.Verification;
import io.microshop.trust.Withdrawal;
import io.microshop.trust.Withdrawals;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Withdrawals of a shop's or a supplier's available balance, by its owner. */
@RestController
class WithdrawalsController {

	private final Withdrawals withdrawals;

	WithdrawalsController(Withdrawals withdrawals) {
		this.withdrawals = withdrawals;
	}

	@PostMapping("/api/v1/shops/{shopId}/withdrawals")
	@ResponseStatus(HttpStatus.CREATED)
	WithdrawalView shopWithdrawal(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@Valid @RequestBody NewWithdrawal body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return WithdrawalView.of(withdrawals.withdraw(me, Verification.SHOP, shopId, body.amount(), key));
	}

	@PostMapping("/api/v1/suppliers/{supplierId}/withdrawals")
	@ResponseStatus(HttpStatus.CREATED)
	WithdrawalView supplierWithdrawal(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId,
			@Valid @RequestBody NewWithdrawal body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return WithdrawalView.of(withdrawals.withdraw(me, Verification.SUPPLIER, supplierId, body.amount(), key));
	}

	@GetMapping("/api/v1/shops/{shopId}/withdrawals")
	PageOf<WithdrawalView> shopWithdrawals(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return views(withdrawals.of(me, Verification.SHOP, shopId, PageRequest.of(page, size)));
	}

	@GetMapping("/api/v1/suppliers/{supplierId}/withdrawals")
	PageOf<WithdrawalView> supplierWithdrawals(@AuthenticationPrincipal AccountPrincipal me,
			@PathVariable UUID supplierId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return views(withdrawals.of(me, Verification.SUPPLIER, supplierId, PageRequest.of(page, size)));
	}

	private static PageOf<WithdrawalView> views(PageOf<Withdrawal> page) {
		return new PageOf<>(page.items().stream().map(WithdrawalView::of).toList(), page.page(), page.size(),
				page.total());
	}

	record NewWithdrawal(@NotNull @Positive Long amount) {
	}

	record WithdrawalView(UUID id, String owner, UUID ownerId, long amount, String currency, String status,
			String payoutReference, String failure, Instant createdAt) {

		static WithdrawalView of(Withdrawal w) {
			return new WithdrawalView(w.id(), w.owner(), w.ownerId(), w.amount(), w.currency(), w.status().name(),
					w.payoutReference(), w.failure(), w.createdAt());
		}

	}

}

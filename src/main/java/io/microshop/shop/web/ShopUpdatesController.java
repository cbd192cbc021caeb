package io.microshop.shop.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.shop.FollowedShop;
import io.microshop.shop.ShopUpdate;
import io.microshop.shop.ShopUpdates;
import io.microshop.shop.UpdateQuota;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API of following shops, their updates and a fan's feed. */
@RestController
class ShopUpdatesController {

	private final ShopUpdates updates;

	ShopUpdatesController(ShopUpdates updates) {
		this.updates = updates;
	}

	/** Follows the shop: 201 the first time, 200 when already following. */
	@PostMapping("/api/v1/shops/{shopId}/followers")
	ResponseEntity<FollowView> follow(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId) {
		boolean created = updates.follow(shopId, me);
		FollowView view = new FollowView(shopId, true, Boolean.TRUE.equals(updates.mutedBy(shopId, me.accountId())));
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@DeleteMapping("/api/v1/shops/{shopId}/followers/me")
	ResponseEntity<Void> unfollow(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId) {
		updates.unfollow(shopId, me);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/v1/shops/{shopId}/followers/me")
	FollowView mute(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@Valid @RequestBody Muting body) {
		updates.mute(shopId, me, body.muted());
		return new FollowView(shopId, true, body.muted());
	}

	@PostMapping("/api/v1/shops/{shopId}/updates")
	@ResponseStatus(HttpStatus.CREATED)
	PostedView post(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@Valid @RequestBody NewUpdate body) {
		ShopUpdates.Posted posted = updates.post(shopId, me, body.text());
		return new PostedView(posted.update().id(), posted.update().text(), posted.update().createdAt(),
				posted.quota().remainingToday());
	}

	@GetMapping("/api/v1/shops/{shopId}/updates")
	PageOf<UpdateView> updates(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return updates.updatesOf(shopId, me, PageRequest.of(page, size)).map(UpdateView::of);
	}

	@GetMapping("/api/v1/shops/{shopId}/updates/quota")
	QuotaView quota(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId) {
		UpdateQuota quota = updates.quota(shopId, me);
		return new QuotaView(quota.cap(), quota.usedToday(), quota.remainingToday(), quota.resetsAt());
	}

	@GetMapping("/api/v1/me/feed")
	PageOf<UpdateView> feed(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return updates.feed(me, PageRequest.of(page, size)).map(UpdateView::of);
	}

	@GetMapping("/api/v1/me/following")
	List<FollowedShop> following(@AuthenticationPrincipal AccountPrincipal me) {
		return updates.followedBy(me);
	}

	record Muting(@NotNull Boolean muted) {
	}

	record NewUpdate(@NotBlank @Size(max = ShopUpdates.MAX_TEXT) String text) {
	}

	record FollowView(UUID shopId, boolean following, boolean muted) {
	}

	record PostedView(UUID id, String text, Instant createdAt, int remainingToday) {
	}

	record QuotaView(int cap, int usedToday, int remainingToday, Instant resetsAt) {
	}

	record UpdateView(UUID id, UUID shopId, String shopName, String shopSlug, String text, Instant createdAt) {

		static UpdateView of(ShopUpdate u) {
			return new UpdateView(u.id(), u.shopId(), u.shopName(), u.shopSlug(), u.text(), u.createdAt());
		}

	}

}

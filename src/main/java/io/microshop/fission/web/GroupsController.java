package io.microshop.fission.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.microshop.fission.Group;
import io.microshop.fission.GroupBuys;
import io.microshop.fission.GroupDeal;
import io.microshop.fission.GroupStatus;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The API of group deals and groups. */
@RestController
class GroupsController {

	private final GroupBuys groups;

	GroupsController(GroupBuys groups) {
		this.groups = groups;
	}

	@PostMapping("/api/v1/shops/{shopId}/group-deals")
	@ResponseStatus(HttpStatus.CREATED)
	DealView offer(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId,
			@Valid @RequestBody NewDealBody body) {
		GroupDeal deal = groups.offer(shopId, me, new GroupBuys.NewDeal(body.listingId(), body.skuId(),
				body.groupPrice(), body.groupSize(), body.window()));
		return new DealView(deal.id(), deal.listingId(), deal.skuId(), deal.groupPrice(), deal.groupSize(),
				deal.window().toString(), "CNY");
	}

	@GetMapping("/api/v1/groups/{groupId}")
	GroupView group(@PathVariable UUID groupId) {
		Group g = groups.group(groupId).orElseThrow(() -> Problem.notFound("The group"));
		return new GroupView(g.id(), g.dealId(), g.status(), g.paidMembers(), g.groupSize(), g.seatsLeft(),
				g.expiresAt(), g.memberInitials());
	}

	record NewDealBody(@NotNull UUID listingId, @NotNull UUID skuId, @NotNull @Positive @Max(100_000_000) Long groupPrice,
			@NotNull @Min(2) @Max(100) Integer groupSize, @NotNull @Size(max = 40) String window) {
	}

	record DealView(UUID id, UUID listingId, UUID skuId, long groupPrice, int groupSize, String window,
			String currency) {
	}

	record GroupView(UUID id, UUID dealId, GroupStatus status, int members, int groupSize, int seatsLeft,
			Instant expiresAt, List<String> memberInitials) {
	}

}

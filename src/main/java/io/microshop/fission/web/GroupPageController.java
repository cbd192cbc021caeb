package io.microshop.fission.web;

import java.time.Duration;
import java.util.UUID;

import io.microshop.fission.Group;
import io.microshop.fission.GroupBuys;
import io.microshop.fission.GroupDeal;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.shop.Listing;
import io.microshop.shop.Shops;

import java.time.Clock;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page of a group, where a shared group link lands: the product at the group price, the
 * members (initials), the seats left, the time left, a share button and a way to join.
 */
@PageController
class GroupPageController {

	private final GroupBuys groups;

	private final Shops shops;

	private final Clock clock;

	GroupPageController(GroupBuys groups, Shops shops, Clock clock) {
		this.groups = groups;
		this.shops = shops;
		this.clock = clock;
	}

	@GetMapping("/g/{groupId}")
	String group(@PathVariable UUID groupId, Model model) {
		Group group = groups.group(groupId).orElseThrow(() -> Problem.notFound("This group"));
		GroupDeal deal = groups.deal(group.dealId()).orElseThrow(() -> Problem.notFound("This group"));
		Listing listing = shops.listing(deal.listingId()).orElseThrow(() -> Problem.notFound("This group"));
		Duration left = Duration.between(clock.instant(), group.expiresAt());
		long seconds = Math.max(0, left.toSeconds());
		model.addAttribute("group", group);
		model.addAttribute("deal", deal);
		model.addAttribute("listing", listing);
		model.addAttribute("skuName", listing.sku(deal.skuId()).map(Listing.ListedSku::name).orElse(""));
		model.addAttribute("open", group.open(clock.instant()) && group.seatsLeft() > 0);
		model.addAttribute("secondsLeft", seconds);
		model.addAttribute("timeLeft",
				"%d:%02d:%02d".formatted(seconds / 3600, (seconds % 3600) / 60, seconds % 60));
		return "fission/group";
	}

}

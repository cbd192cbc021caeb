package io.microshop.fission.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.microshop.fission.Channel;
import io.microshop.fission.GroupBuys;
import io.microshop.fission.ShareLink;
import io.microshop.fission.Shares;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PublicUrl;
import io.microshop.shop.Listing;
import io.microshop.shop.Shops;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The share sheet of a listing, for a signed-in account: one link per channel (made once,
 * then reused), so every channel's visits and orders are told apart. WeChat gets the poster
 * and QR code, the open networks their own share page, the others a link to copy; the
 * browser's share dialog is offered where it exists.
 */
@PageController
class ShareSheetController {

	private final Shares shares;

	private final Shops shops;

	private final PublicUrl publicUrl;

	private final GroupBuys groupBuys;

	private final ShareCreationLimit creationLimit;

	ShareSheetController(Shares shares, Shops shops, PublicUrl publicUrl, GroupBuys groupBuys,
			ShareCreationLimit creationLimit) {
		this.creationLimit = creationLimit;
		this.groupBuys = groupBuys;
		this.shares = shares;
		this.shops = shops;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/my/share")
	String sheet(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String listingId,
			@RequestParam(required = false) String groupId, Model model) {
		Map<Channel, ShareLink> links;
		Listing listing;
		creationLimit.check(me);
		if (groupId != null) {
			UUID group = FormValues.uuid(groupId).filter(id -> groupBuys.group(id).isPresent())
				.orElseThrow(() -> Problem.notFound("This group"));
			links = shares.groupSheet(me, group);
			listing = shops.listing(links.get(Channel.LINK).listingId()).orElseThrow(() -> Problem.notFound("This group"));
			model.addAttribute("groupId", group);
		}
		else {
			listing = FormValues.uuid(listingId).flatMap(shops::listing)
				.orElseThrow(() -> Problem.notFound("This listing"));
			links = shares.sheet(me, listing);
		}
		String title = listing.title() + " · " + listing.shopName();
		model.addAttribute("listing", listing);
		for (Channel channel : Channel.values()) {
			model.addAttribute(channel.key(), entry(links.get(channel)));
		}
		model.addAttribute("weiboShare", "https://service.weibo.com/share/share.php?url="
				+ enc(url(links.get(Channel.WEIBO))) + "&title=" + enc(title));
		model.addAttribute("facebookShare",
				"https://www.facebook.com/sharer/sharer.php?u=" + enc(url(links.get(Channel.FACEBOOK))));
		ShareLink pin = links.get(Channel.PINTEREST);
		model.addAttribute("pinterestShare", "https://pinterest.com/pin/create/button/?url=" + enc(url(pin))
				+ "&media=" + enc(publicUrl.absolute(pin.path() + "/poster.png")) + "&description=" + enc(title));
		model.addAttribute("shareTitle", title);
		return "fission/share";
	}

	private SheetEntry entry(ShareLink link) {
		return new SheetEntry(link.code(), url(link), link.path());
	}

	private String url(ShareLink link) {
		return publicUrl.absolute(link.path());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** One channel's link: its code, absolute URL and site path. */
	record SheetEntry(String code, String url, String path) {
	}

}

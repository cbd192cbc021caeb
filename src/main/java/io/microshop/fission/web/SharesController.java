package io.microshop.fission.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import io.microshop.fission.Channel;
import io.microshop.fission.FissionStats;
import io.microshop.fission.ShareLink;
import io.microshop.fission.ShareStats;
import io.microshop.fission.Shares;
import io.microshop.fission.ShopFission;
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

/** The API of share links and their statistics. */
@RestController
class SharesController {

	static final String CURRENCY = "CNY";

	private final Shares shares;

	private final FissionStats stats;

	private final ShareCreationLimit creationLimit;

	SharesController(Shares shares, FissionStats stats, ShareCreationLimit creationLimit) {
		this.shares = shares;
		this.stats = stats;
		this.creationLimit = creationLimit;
	}

	@PostMapping("/api/v1/shares")
	@ResponseStatus(HttpStatus.CREATED)
	ShareView share(@AuthenticationPrincipal AccountPrincipal me, @Valid @RequestBody NewShare body) {
		Channel channel = body.channel() == null ? Channel.LINK : Channel.of(body.channel()).orElseThrow();
		if (body.groupId() != null && body.listingId() != null) {
			throw Problem.invalidField("groupId", "share a listing or a group, not both");
		}
		creationLimit.check(me);
		if (body.groupId() != null) {
			return ShareView.of(shares.shareGroup(me, body.groupId(), channel));
		}
		if (body.listingId() == null) {
			throw new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "Some fields are not valid.",
					Map.of("listingId", "must not be null"));
		}
		return ShareView.of(shares.share(me, body.listingId(), channel));
	}

	/** For the link's sharer or its shop's seller; 404 for anyone else, as for an unknown code. */
	@GetMapping("/api/v1/shares/{code}/stats")
	LinkStatsView stats(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String code) {
		ShopFission.LinkStats found = stats.ofLink(code, me);
		ShareStats s = found.stats();
		return new LinkStatsView(found.link().code(), found.link().channel().key(), s.visits(), s.uniqueVisitors(),
				s.orders(), s.paidOrders(), s.sales(), CURRENCY);
	}

	@GetMapping("/api/v1/shops/{shopId}/fission")
	ShopFissionView shop(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID shopId) {
		ShopFission fission = stats.ofShop(shopId, me);
		Map<String, ChannelView> byChannel = new LinkedHashMap<>();
		fission.byChannel().forEach((channel, s) -> byChannel.put(channel.key(), ChannelView.of(s)));
		ShareStats t = fission.total();
		return new ShopFissionView(t.visits(), t.uniqueVisitors(), t.orders(), t.paidOrders(), t.sales(),
				fission.viralCoefficient(), byChannel, CURRENCY);
	}

	/** What to share: a listing or a group buy. */
	record NewShare(UUID listingId, UUID groupId,
			@Pattern(regexp = Channel.KEYS, message = "must be one of wechat, weibo, facebook, pinterest, momo, link") String channel) {
	}

	record ShareView(String code, String url, String channel) {

		static ShareView of(ShareLink link) {
			return new ShareView(link.code(), link.path(), link.channel().key());
		}

	}

	record LinkStatsView(String code, String channel, long visits, long uniqueVisitors, long orders, long paidOrders,
			long sales, String currency) {
	}

	record ShopFissionView(long visits, long uniqueVisitors, long orders, long paidOrders, long sales,
			double viralCoefficient, Map<String, ChannelView> byChannel, String currency) {
	}

	record ChannelView(long visits, long uniqueVisitors, long orders, long paidOrders, long sales) {

		static ChannelView of(ShareStats s) {
			return new ChannelView(s.visits(), s.uniqueVisitors(), s.orders(), s.paidOrders(), s.sales());
		}

	}

}

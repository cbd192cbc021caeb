package io.microshop.fission.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microshop.fission.ShareCodes;
import io.microshop.fission.ShareLink;
import io.microshop.fission.Shares;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PublicUrl;
import io.microshop.shop.Listing;
import io.microshop.shop.Shops;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What a share link does when opened: {@code /r/{code}} records the visit, remembers the
 * link in the browser for attribution (last click wins, seven days) and redirects to the
 * listing. Also the link's poster and bare QR code. Unknown codes end on the friendly 404 page.
 */
@PageController
class ShareLinkController {

	/** The attribution cookie: the code of the last share link this browser opened. */
	static final String REF_COOKIE = "ms_ref";

	/** The first-party visitor id that makes unique visitors countable. */
	static final String VISITOR_COOKIE = "ms_vid";

	static final Duration ATTRIBUTION_WINDOW = Duration.ofDays(7);

	private static final Duration VISITOR_LIFETIME = Duration.ofDays(365);

	private static final CacheControl IMAGE_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final Shares shares;

	private final Shops shops;

	private final Posters posters;

	private final PublicUrl publicUrl;

	ShareLinkController(Shares shares, Shops shops, Posters posters, PublicUrl publicUrl) {
		this.shares = shares;
		this.shops = shops;
		this.posters = posters;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/r/{code}")
	String open(@PathVariable String code, @CookieValue(name = VISITOR_COOKIE, required = false) String visitor,
			HttpServletRequest request, HttpServletResponse response) {
		boolean known = ShareCodes.looksLikeVisitorId(visitor);
		String visitorId = known ? visitor : ShareCodes.newVisitorId();
		ShareLink link = shares.open(code, visitorId);
		if (!known) {
			cookie(response, request, VISITOR_COOKIE, visitorId, VISITOR_LIFETIME);
		}
		cookie(response, request, REF_COOKIE, link.code(), ATTRIBUTION_WINDOW);
		return "redirect:" + link.target();
	}

	@GetMapping("/r/{code}/poster.png")
	ResponseEntity<byte[]> poster(@PathVariable String code) {
		ShareLink link = known(code);
		Listing listing = shops.listing(link.listingId()).orElseThrow(() -> Problem.notFound("This share link"));
		byte[] png = posters.poster(listing, publicUrl.absolute(link.path()));
		return png(png, "poster-" + link.code() + ".png");
	}

	@GetMapping("/r/{code}/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable String code) {
		ShareLink link = known(code);
		return png(posters.qr(publicUrl.absolute(link.path()), 360), "qr-" + link.code() + ".png");
	}

	private ShareLink known(String code) {
		return shares.link(code).orElseThrow(() -> Problem.notFound("This share link"));
	}

	private static ResponseEntity<byte[]> png(byte[] png, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(IMAGE_CACHE)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
			.body(png);
	}

	private static void cookie(HttpServletResponse response, HttpServletRequest request, String name, String value,
			Duration maxAge) {
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value)
			.path("/")
			.maxAge(maxAge)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build()
			.toString());
	}

}

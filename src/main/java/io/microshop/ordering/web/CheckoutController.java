package io.microshop.ordering.web;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microshop.identity.AccountPrincipal;
import io.microshop.identity.Identity;
import io.microshop.identity.security.WebSignIn;
import io.microshop.ordering.OrderOrigin;
import io.microshop.ordering.OrderQueries;
import io.microshop.ordering.OrderView;
import io.microshop.ordering.Ordering;
import io.microshop.ordering.PlaceOrder;
import io.microshop.payment.Payments;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;
import io.microshop.platform.web.Yuan;
import io.microshop.shop.Listing;
import io.microshop.shop.Shops;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The listing page is the checkout: pick an option, say where to deliver, and one Pay tap
 * signs a new buyer in by the texted code, places the order, has the sandbox collect and
 * lands on the order page. Works without JavaScript: "Get code" is a second submit button of
 * the same form, and the page comes back with everything typed still there.
 */
@PageController
class CheckoutController {

	/**
	 * The share link this browser last opened (set by {@code /r/{code}}, for seven days):
	 * read by name only, its meaning is the owner of share links' to decide.
	 */
	static final String SHARE_COOKIE = "ms_ref";

	private static final Duration DEVICE_COOKIE_LIFETIME = Duration.ofDays(365);

	private final Shops shops;

	private final Identity identity;

	private final WebSignIn webSignIn;

	private final Ordering ordering;

	private final OrderQueries orders;

	private final Payments payments;

	private final OrderPlacementLimit placementLimit;

	private final PageText text;

	CheckoutController(Shops shops, Identity identity, WebSignIn webSignIn, Ordering ordering, OrderQueries orders,
			Payments payments, OrderPlacementLimit placementLimit, PageText text) {
		this.text = text;
		this.placementLimit = placementLimit;
		this.shops = shops;
		this.identity = identity;
		this.webSignIn = webSignIn;
		this.ordering = ordering;
		this.orders = orders;
		this.payments = payments;
	}

	@GetMapping("/l/{listingId}")
	String listing(@PathVariable UUID listingId, @AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(required = false) String deal, @RequestParam(required = false) String group, Model model) {
		Listing listing = find(listingId);
		Optional<OrderView.ShipTo> last = me == null ? Optional.empty()
				: orders.ofBuyer(me, null, new PageRequest(0, 1)).items().stream().findFirst().map(OrderView::shipTo);
		return page(listing, CheckoutForm.initial(listing, me == null ? null : me.phone(), last, deal, group), model);
	}

	@PostMapping("/l/{listingId}/code")
	String sendCode(@PathVariable UUID listingId, @ModelAttribute("form") CheckoutForm form, Model model) {
		Listing listing = find(listingId);
		try {
			String phone = identity.sendSignInCode(form.phone());
			model.addAttribute("codeSent", true);
			return page(listing, form.withPhone(phone), model);
		}
		catch (Problem problem) {
			model.addAttribute("error", problem.errors().containsKey("phone")
					? text.get("checkout.invalidPhone") : PageMessages.of(problem));
			return page(listing, form, model);
		}
	}

	@PostMapping("/l/{listingId}/pay")
	String pay(@PathVariable UUID listingId, @ModelAttribute("form") CheckoutForm form,
			@AuthenticationPrincipal AccountPrincipal me, Model model, HttpServletRequest request,
			HttpServletResponse response, @CookieValue(name = SHARE_COOKIE, required = false) String sharedBy,
			@CookieValue(name = OrderOrigin.DEVICE_COOKIE, required = false) String device) {
		Listing listing = find(listingId);
		try {
			PlaceOrder order = form.toOrder(listing).sharedBy(sharedBy);
			AccountPrincipal buyer = me != null ? me : signIn(form, model, request, response);
			long total = form.total(listing);
			if (form.shownTotal().map(shown -> shown != total).orElse(true)) {
				model.addAttribute("notice", text.get("checkout.checkTotal", Yuan.format(total)));
				return page(listing, form, model);
			}
			placementLimit.check(buyer, form.idempotencyKey());
			OrderView placed = ordering.place(buyer, order, form.idempotencyKey(), device(device, request, response));
			payments.pay(placed.payment().id(), buyer);
			return "redirect:/o/" + placed.id();
		}
		catch (Problem problem) {
			model.addAttribute("error", PageMessages.of(problem));
			return page(listing, form, model);
		}
	}

	/** A new buyer: the phone is the account, the texted code proves it. */
	private AccountPrincipal signIn(CheckoutForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (form.code() == null || form.code().isBlank()) {
			model.addAttribute("codeSent", true);
			throw Problem.invalidField("code", text.get("checkout.getCodeFirst"));
		}
		AccountPrincipal buyer;
		try {
			buyer = identity.signInWithCode(form.phone(), form.code(), form.name());
		}
		catch (Problem problem) {
			model.addAttribute("codeSent", true);
			throw problem;
		}
		webSignIn.signIn(buyer, request, response);
		model.addAttribute("me", buyer);
		return buyer;
	}

	private String page(Listing listing, CheckoutForm form, Model model) {
		model.addAttribute("listing", listing);
		model.addAttribute("form", form);
		model.addAttribute("chosen", form.chosen(listing).map(Listing.ListedSku::id).orElse(null));
		model.addAttribute("total", form.total(listing));
		model.addAttribute("checkoutKey", UUID.randomUUID().toString());
		model.addAttribute("soldOut", listing.skus().stream().allMatch(s -> s.available() == 0));
		return "ordering/listing";
	}

	/**
	 * The browser's visitor id; one that has none (it never opened a share link) gets one now,
	 * for a year, so its next orders are known to come from the same device.
	 */
	private static String device(String cookie, HttpServletRequest request, HttpServletResponse response) {
		String device = OrderOrigin.deviceId(cookie);
		if (device != null) {
			return device;
		}
		String fresh = OrderOrigin.newDeviceId();
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(OrderOrigin.DEVICE_COOKIE, fresh)
			.path("/")
			.maxAge(DEVICE_COOKIE_LIFETIME)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build()
			.toString());
		return fresh;
	}

	/** The cookie's code if it looks like one; a tampered cookie is simply no attribution. */
	private Listing find(UUID listingId) {
		return shops.listing(listingId).orElseThrow(() -> Problem.notFound("This listing"));
	}

}

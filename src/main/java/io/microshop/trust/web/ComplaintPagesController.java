package io.microshop.trust.web;

import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.OrderRefunds;
import io.microshop.ordering.OrderView;
import io.microshop.ordering.Ordering;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;
import io.microshop.platform.web.Yuan;
import io.microshop.trust.Complaint;
import io.microshop.trust.Complaints;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Complaint pages: the buyer's form, the thread (buyer, seller, operators) with the seller's
 * 48-hour answer expectation, and the operators' queue with a decision form per complaint
 * ({@code /ops/**} is for operators by the page security rules).
 */
@PageController
class ComplaintPagesController {

	private final Complaints complaints;

	private final Ordering ordering;

	private final OrderRefunds refunds;

	private final PageText text;

	ComplaintPagesController(Complaints complaints, Ordering ordering, OrderRefunds refunds, PageText text) {
		this.complaints = complaints;
		this.ordering = ordering;
		this.refunds = refunds;
		this.text = text;
	}

	@GetMapping("/complaints/new")
	String form(@RequestParam(name = "order", required = false) String order,
			@AuthenticationPrincipal AccountPrincipal me, Model model) {
		UUID orderId = FormValues.uuid(order).orElseThrow(() -> Problem.notFound("The order"));
		if (me == null) {
			return "redirect:/sign-in?next=/complaints/new?order=" + orderId;
		}
		OrderView view = ordering.order(orderId, me);
		model.addAttribute("order", view);
		model.addAttribute("allowed", me.is(view.buyerId()) && refunds.withinProtectionWindow(view));
		model.addAttribute("reasons", Complaint.REASONS);
		return "trust/complaint-form";
	}

	@PostMapping("/complaints")
	String open(@RequestParam(name = "order", required = false) String order,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String text,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes flash) {
		UUID orderId = FormValues.uuid(order).orElseThrow(() -> Problem.notFound("The order"));
		if (me == null) {
			return "redirect:/sign-in?next=/o/" + orderId;
		}
		try {
			if (reason == null || reason.isBlank() || reason.length() > 100) {
				throw Problem.invalidField("reason", this.text.get("complaint.error.reason"));
			}
			if (text == null || text.isBlank() || text.length() > 2000) {
				throw Problem.invalidField("text", this.text.get("complaint.error.text"));
			}
			Complaint complaint = complaints.open(orderId, me, reason, text);
			flash.addFlashAttribute("notice", this.text.get("complaint.notice.sent"));
			return "redirect:/complaints/" + complaint.id();
		}
		catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			flash.addFlashAttribute("error", PageMessages.of(problem));
			return "redirect:/complaints/new?order=" + orderId;
		}
	}

	@GetMapping("/complaints/{complaintId}")
	String thread(@PathVariable UUID complaintId, @AuthenticationPrincipal AccountPrincipal me, Model model) {
		if (me == null) {
			return "redirect:/sign-in?next=/complaints/" + complaintId;
		}
		Complaint complaint = complaints.find(complaintId, me);
		model.addAttribute("complaint", complaint);
		model.addAttribute("role", complaints.role(complaint, me));
		model.addAttribute("canAddPhoto", complaint.open() && me.is(complaint.buyerAccountId()));
		return "trust/complaint";
	}

	@PostMapping("/complaints/{complaintId}/messages")
	String post(@PathVariable UUID complaintId, @RequestParam(required = false) String text,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes flash) {
		return act(complaintId, me, flash, "/complaints/" + complaintId, () -> {
			if (text == null || text.isBlank() || text.length() > 2000) {
				throw Problem.invalidField("text", this.text.get("complaint.error.message"));
			}
			complaints.post(complaintId, me, text);
		}, this.text.get("complaint.notice.message"));
	}

	@PostMapping("/complaints/{complaintId}/photos")
	String photo(@PathVariable UUID complaintId, @RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes flash) {
		return act(complaintId, me, flash, "/complaints/" + complaintId,
				() -> complaints.addPhoto(complaintId, me, file), text.get("complaint.notice.photo"));
	}

	@GetMapping("/complaints/{complaintId}/photos/{photoId}")
	ResponseEntity<byte[]> photoBytes(@PathVariable UUID complaintId, @PathVariable UUID photoId,
			@AuthenticationPrincipal AccountPrincipal me) {
		if (me == null) {
			throw Problem.notFound("The photo");
		}
		Complaints.StoredPhoto photo = complaints.photo(complaintId, photoId, me);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.bytes());
	}

	@GetMapping("/my/complaints")
	String mine(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("complaints", complaints.involving(me));
		return "trust/my-complaints";
	}

	@GetMapping("/ops/complaints")
	String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
			Model model) {
		Complaint.Status filter = status == null ? Complaint.Status.OPEN
				: "ALL".equalsIgnoreCase(status) ? null : ComplaintsController.status(status);
		model.addAttribute("page", complaints.queue(filter, new PageRequest(FormValues.page(page), 20)));
		model.addAttribute("status", filter);
		return "trust/ops-complaints";
	}

	@PostMapping("/ops/complaints/{complaintId}/decision")
	String decide(@PathVariable UUID complaintId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String refundAmount, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes flash) {
		return act(complaintId, me, flash, "/ops/complaints", () -> {
			Long fen = "PARTIAL_REFUND".equals(outcome) && refundAmount != null && !refundAmount.isBlank()
					? Yuan.parse("refundAmount", refundAmount) : null;
			complaints.decide(complaintId, me, outcome, fen, reason, null);
		}, text.get("ops.complaints.done"));
	}

	private String act(UUID complaintId, AccountPrincipal me, RedirectAttributes flash, String back, Runnable action,
			String done) {
		if (me == null) {
			return "redirect:/sign-in?next=/complaints/" + complaintId;
		}
		try {
			action.run();
			flash.addFlashAttribute("notice", done);
		}
		catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			flash.addFlashAttribute("error", PageMessages.of(problem));
		}
		return "redirect:" + back;
	}

}

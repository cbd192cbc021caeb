package io.microshop.trust.web;

import java.util.Locale;
import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.IdempotencyKeys;
import io.microshop.platform.Problem;
import io.microshop.trust.Complaint;
import io.microshop.trust.Complaints;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Complaints over the API: the buyer opens one and adds photos; buyer, seller and operators
 * read and write the thread; operators list and decide them ({@code /api/v1/ops/**} is guarded
 * for operators by the API security rules).
 */
@RestController
class ComplaintsController {

	private final Complaints complaints;

	ComplaintsController(Complaints complaints) {
		this.complaints = complaints;
	}

	@PostMapping("/api/v1/orders/{orderId}/complaints")
	@ResponseStatus(HttpStatus.CREATED)
	ComplaintView open(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID orderId,
			@RequestBody NewComplaint body) {
		return ComplaintView.of(complaints.open(orderId, me, body.reason(), body.text()));
	}

	@GetMapping("/api/v1/complaints/{complaintId}")
	ComplaintView complaint(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID complaintId) {
		return ComplaintView.of(complaints.find(complaintId, me));
	}

	@PostMapping("/api/v1/complaints/{complaintId}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	ComplaintView.MessageView post(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID complaintId,
			@RequestBody NewMessage body) {
		return ComplaintView.MessageView.of(complaints.post(complaintId, me, body.text()));
	}

	@PostMapping(path = "/api/v1/complaints/{complaintId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	ComplaintView.PhotoView photo(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID complaintId,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		return ComplaintView.PhotoView.of(complaintId, complaints.addPhoto(complaintId, me, file));
	}

	@GetMapping("/api/v1/complaints/{complaintId}/photos/{photoId}")
	ResponseEntity<byte[]> photoBytes(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID complaintId,
			@PathVariable UUID photoId) {
		Complaints.StoredPhoto photo = complaints.photo(complaintId, photoId, me);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.bytes());
	}

	@GetMapping("/api/v1/ops/complaints")
	PageOf<ComplaintView> queue(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return complaints.queue(status(status), PageRequest.of(page, size)).map(ComplaintView::of);
	}

	@PostMapping("/api/v1/ops/complaints/{complaintId}/decision")
	ComplaintView decide(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID complaintId,
			@RequestBody Decision body,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
		return ComplaintView.of(complaints.decide(complaintId, me, body.outcome(), body.refundAmount(), body.reason(),
				idempotencyKey));
	}

	static Complaint.Status status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Complaint.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalidField("status", "must be OPEN or DECIDED");
		}
	}

	// fields are checked by Complaints, which answers 422 with the field errors

	/** {@code reason}: a category such as NOT_RECEIVED or DAMAGED, or any text up to 100 characters. */
	record NewComplaint(String reason, String text) {
	}

	record NewMessage(String text) {
	}

	/** {@code outcome}: REJECT, PARTIAL_REFUND or FULL_REFUND; {@code refundAmount} in fen, partial refunds only. */
	record Decision(String outcome, Long refundAmount, String reason) {
	}

}

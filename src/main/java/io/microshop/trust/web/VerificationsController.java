package io.microshop.trust.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.trust.Verification;
import io.microshop.trust.Verifications;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Verification requests (their owners) and the operators' review ({@code /api/v1/ops/**}, operators only). */
@RestController
class VerificationsController {

	private final Verifications verifications;

	VerificationsController(Verifications verifications) {
		this.verifications = verifications;
	}

	@PostMapping("/api/v1/verifications")
	@ResponseStatus(HttpStatus.CREATED)
	VerificationView submit(@AuthenticationPrincipal AccountPrincipal me, @Valid @RequestBody NewVerification body) {
		return VerificationView.of(verifications.submit(me, body.subject(), body.subjectId(), body.legalName(),
				body.idNumber(), body.licenseNumber()), false);
	}

	@GetMapping("/api/v1/verifications/{verificationId}")
	VerificationView verification(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID verificationId) {
		return VerificationView.of(verifications.find(verificationId, me), me.operator());
	}

	@PostMapping(path = "/api/v1/verifications/{verificationId}/documents",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<DocumentView> upload(@AuthenticationPrincipal AccountPrincipal me,
			@PathVariable UUID verificationId, @RequestPart(name = "file", required = false) MultipartFile file) {
		var document = verifications.addDocument(verificationId, me, file);
		DocumentView view = DocumentView.of(verificationId, document);
		return ResponseEntity.created(URI.create(view.url())).body(view);
	}

	@GetMapping("/api/v1/verifications/{verificationId}/documents/{documentId}")
	ResponseEntity<byte[]> document(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID verificationId,
			@PathVariable UUID documentId) {
		var stored = verifications.document(verificationId, documentId, me);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(stored.contentType()))
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition", "inline")
			.body(stored.bytes());
	}

	@GetMapping("/api/v1/ops/verifications")
	PageOf<VerificationView> queue(@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageOf<Verification> found = verifications.queue(status(status), PageRequest.of(page, size));
		return new PageOf<>(found.items().stream().map(v -> VerificationView.of(v, true)).toList(), found.page(),
				found.size(), found.total());
	}

	@PostMapping("/api/v1/ops/verifications/{verificationId}/decision")
	VerificationView decide(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID verificationId,
			@Valid @RequestBody Decision body) {
		return VerificationView.of(verifications.decide(verificationId, me, body.approve(), body.reason()), true);
	}

	private static Verification.Status status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Verification.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalidField("status", "must be PENDING, APPROVED or REJECTED");
		}
	}

	record NewVerification(@NotBlank @Pattern(regexp = "shop|supplier", message = "must be shop or supplier") String subject,
			@NotNull UUID subjectId, @NotBlank @Size(min = 2, max = 100) String legalName,
			@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{4,40}", message = "must be 4-40 letters, digits or dashes") String idNumber,
			@Pattern(regexp = "[0-9A-Za-z-]{4,40}", message = "must be 4-40 letters, digits or dashes") String licenseNumber) {
	}

	record Decision(@NotNull Boolean approve, @Size(max = 500) String reason) {
	}

	record DocumentView(UUID id, String contentType, long size, String url, Instant createdAt) {

		static DocumentView of(UUID verificationId, Verification.Document d) {
			return new DocumentView(d.id(), d.contentType(), d.sizeBytes(),
					"/api/v1/verifications/" + verificationId + "/documents/" + d.id(), d.createdAt());
		}

	}

	/**
	 * A request as shown: operators see the full ID number; the applicant sees it masked
	 * (it travels in no more responses than needed).
	 */
	record VerificationView(UUID id, String subject, UUID subjectId, String legalName, String idNumber,
			String licenseNumber, String status, String reason, Instant decidedAt, Instant createdAt,
			List<DocumentView> documents) {

		static VerificationView of(Verification v, boolean full) {
			return new VerificationView(v.id(), v.subject(), v.subjectId(), v.legalName(),
					full ? v.idNumber() : mask(v.idNumber()), v.licenseNumber(), v.status().name(), v.decisionReason(),
					v.decidedAt(), v.createdAt(), v.documents().stream().map(d -> DocumentView.of(v.id(), d)).toList());
		}

		private static String mask(String id) {
			return id.length() <= 4 ? "****" : "*".repeat(id.length() - 4) + id.substring(id.length() - 4);
		}

	}

}

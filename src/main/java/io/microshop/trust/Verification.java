package io.microshop.trust;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request to verify a shop or a supplier: the legal person behind it and their documents,
 * reviewed once by an operator. {@code subject} is {@code shop} or {@code supplier}.
 */
public record Verification(UUID id, String subject, UUID subjectId, UUID submittedBy, String legalName,
		String idNumber, String licenseNumber, Status status, String decisionReason, UUID decidedBy,
		Instant decidedAt, Instant createdAt, List<Document> documents) {

	public static final String SHOP = "shop";

	public static final String SUPPLIER = "supplier";

	public Verification {
		documents = documents == null ? List.of() : List.copyOf(documents);
	}

	public Verification withDocuments(List<Document> documents) {
		return new Verification(id, subject, subjectId, submittedBy, legalName, idNumber, licenseNumber, status,
				decisionReason, decidedBy, decidedAt, createdAt, documents);
	}

	/** Where a verification stands. */
	public enum Status {

		PENDING, APPROVED, REJECTED

	}

	/** An uploaded identity document or licence. */
	public record Document(UUID id, String fileKey, String contentType, long sizeBytes, Instant createdAt) {
	}

}

package io.microshop.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A buyer's complaint about an order: the thread with the shop's seller and the operators,
 * the buyer's photos and, once decided, the operator's outcome. {@code answerDueAt} is when
 * the seller is expected to have answered; {@code refundAmount} is what went back to the
 * buyer (in fen) for an upheld complaint.
 */
public record Complaint(UUID id, UUID orderId, UUID shopId, UUID buyerAccountId, String reason, String text,
		Status status, Outcome outcome, Long refundAmount, String decisionReason, UUID decidedBy, Instant decidedAt,
		Instant createdAt, Instant answerDueAt, List<Message> messages, List<Photo> photos) {

	/** How long the seller has to answer, as shown to everyone in the thread. */
	public static final Duration ANSWER_TIME = Duration.ofHours(48);

	/** The reasons the pages offer; the API takes any short text. */
	public static final List<String> REASONS = List.of("NOT_RECEIVED", "DAMAGED", "NOT_AS_DESCRIBED", "WRONG_ITEM",
			"OTHER");

	public Complaint {
		messages = messages == null ? List.of() : List.copyOf(messages);
		photos = photos == null ? List.of() : List.copyOf(photos);
	}

	public Complaint with(List<Message> messages, List<Photo> photos) {
		return new Complaint(id, orderId, shopId, buyerAccountId, reason, text, status, outcome, refundAmount,
				decisionReason, decidedBy, decidedAt, createdAt, answerDueAt, messages, photos);
	}

	public boolean open() {
		return status == Status.OPEN;
	}

	/** Whether the seller has written in the thread. */
	public boolean answered() {
		return messages.stream().anyMatch(m -> m.role() == Role.SELLER);
	}

	/** OPEN until an operator decided, then DECIDED for good. */
	public enum Status {

		OPEN, DECIDED

	}

	/** The operator's decision: an upheld complaint (a refund) counts against the shop. */
	public enum Outcome {

		REJECT, PARTIAL_REFUND, FULL_REFUND;

		public boolean upheld() {
			return this != REJECT;
		}

	}

	/** Who wrote a message, as seen by the thread. */
	public enum Role {

		BUYER, SELLER, OPERATOR

	}

	public record Message(UUID id, UUID authorAccountId, Role role, String text, Instant at) {
	}

	public record Photo(UUID id, String fileKey, String contentType, long size, Instant at) {
	}

}

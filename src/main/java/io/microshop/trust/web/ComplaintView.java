package io.microshop.trust.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.microshop.trust.Complaint;

/**
 * A complaint as the API shows it: the thread, photo URLs, when the seller is expected to
 * answer and, once decided, the decision. Money in fen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ComplaintView(UUID id, Complaint.Status status, UUID orderId, UUID shopId, UUID buyerId, String reason,
		String text, Instant createdAt, Instant answerDueAt, boolean answered, List<MessageView> messages,
		List<PhotoView> photos, DecisionView decision, String currency) {

	static ComplaintView of(Complaint c) {
		DecisionView decision = c.open() ? null
				: new DecisionView(c.outcome(), c.refundAmount(), c.decisionReason(), c.decidedBy(), c.decidedAt());
		return new ComplaintView(c.id(), c.status(), c.orderId(), c.shopId(), c.buyerAccountId(), c.reason(), c.text(),
				c.createdAt(), c.answerDueAt(), c.answered(), c.messages().stream().map(MessageView::of).toList(),
				c.photos().stream().map(p -> PhotoView.of(c.id(), p)).toList(), decision, "CNY");
	}

	record MessageView(UUID id, UUID authorId, Complaint.Role role, String text, Instant at) {

		static MessageView of(Complaint.Message m) {
			return new MessageView(m.id(), m.authorAccountId(), m.role(), m.text(), m.at());
		}

	}

	record PhotoView(UUID id, String url, String contentType, long size, Instant at) {

		static PhotoView of(UUID complaintId, Complaint.Photo p) {
			return new PhotoView(p.id(), "/api/v1/complaints/" + complaintId + "/photos/" + p.id(), p.contentType(),
					p.size(), p.at());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DecisionView(Complaint.Outcome outcome, Long refundAmount, String reason, UUID decidedBy,
			Instant decidedAt) {
	}

}

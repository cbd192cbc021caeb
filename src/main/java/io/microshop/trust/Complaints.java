package io.microshop.trust;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.OrderEvents.OrderRefunded;
import io.microshop.ordering.OrderRefunds;
import io.microshop.ordering.OrderView;
import io.microshop.ordering.Ordering;
import io.microshop.platform.Ids;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.IdempotencyKeys;
import io.microshop.platform.Problem;
import io.microshop.platform.audit.AuditLog;
import io.microshop.platform.files.FileKind;
import io.microshop.platform.files.FileStorage;
import io.microshop.platform.files.Uploads;
import io.microshop.shop.Shops;
import io.microshop.trust.Complaint.Outcome;
import io.microshop.trust.Complaint.Role;
import io.microshop.trust.persistence.ComplaintRows;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Buyers' complaints and their arbitration. A buyer complains within the protection window
 * and the order's settlement freezes in the same transaction; buyer, seller and operators
 * write in the thread; an operator decides once: reject (the hold is lifted), partial refund
 * (part of escrow goes back, every party's part reduced, then the hold is lifted) or full
 * refund (the order is REFUNDED). Money moves through ordering and the ledger in the
 * decision's own transaction, with the audit entry and the shop's reputation.
 */
@Service
public class Complaints {

	static final int MAX_PHOTOS = 6;

	private static final EnumSet<FileKind> PHOTO_KINDS = EnumSet.of(FileKind.JPEG, FileKind.PNG, FileKind.GIF,
			FileKind.WEBP);

	private final ComplaintRows rows;

	private final Ordering ordering;

	private final OrderRefunds refunds;

	private final Shops shops;

	private final Reputation reputation;

	private final Uploads uploads;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	Complaints(ComplaintRows rows, Ordering ordering, OrderRefunds refunds, Shops shops, Reputation reputation,
			Uploads uploads, FileStorage files, AuditLog audit, Clock clock) {
		this.rows = rows;
		this.ordering = ordering;
		this.refunds = refunds;
		this.shops = shops;
		this.reputation = reputation;
		this.uploads = uploads;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The buyer complains about an order: 404 to whoever may not see it, 403 to its seller or
	 * supplier, 409 while another complaint is open, 422 outside the protection window.
	 */
	@Transactional
	public Complaint open(UUID orderId, AccountPrincipal caller, String reason, String text) {
		Map<String, String> errors = new LinkedHashMap<>();
		check(errors, "reason", reason, 100);
		check(errors, "text", text, 2000);
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		OrderView order = ordering.order(orderId, caller);
		if (!caller.is(order.buyerId())) {
			throw Problem.forbidden("Only the buyer may complain about an order.");
		}
		// locks the order: settlement, receipt and refunds wait until this transaction ends
		OrderView locked = refunds.hold(orderId);
		if (rows.openOf(orderId).isPresent()) {
			throw Problem.conflict("complaint-open", "A complaint is open",
					"This order already has an open complaint; add to its thread instead.");
		}
		if (!refunds.withinProtectionWindow(locked)) {
			throw Problem.unprocessable("outside-protection-window", "Outside the protection window",
					"Complaints are possible while the order is on its way or within the protection window after "
							+ "receipt; this order is " + locked.status() + ".");
		}
		Instant now = clock.instant();
		Complaint complaint = new Complaint(Ids.newId(), orderId, order.shopId(), caller.accountId(), reason.strip(),
				text.strip(), Complaint.Status.OPEN, null, null, null, null, null, now,
				now.plus(Complaint.ANSWER_TIME), List.of(), List.of());
		try {
			rows.insert(complaint);
		}
		catch (DuplicateKeyException ex) {
			throw Problem.conflict("complaint-open", "A complaint is open", "This order already has an open complaint.");
		}
		return complaint;
	}

	/** A complaint with its thread: to its buyer, the shop's seller and operators; 404 to anyone else. */
	@Transactional(readOnly = true)
	public Complaint find(UUID complaintId, AccountPrincipal caller) {
		Complaint c = visible(rows.find(complaintId), caller);
		return c.with(rows.messages(complaintId), rows.photos(complaintId));
	}

	/** Complaints the caller made or that are about one of the caller's shops, newest first. */
	@Transactional(readOnly = true)
	public List<Complaint> involving(AccountPrincipal caller) {
		List<UUID> shopIds = shops.shopsOf(caller.accountId()).stream().map(io.microshop.shop.Shop::id).toList();
		return rows.involving(caller.accountId(), shopIds, 100);
	}

	/** A message in the thread by the buyer, the seller or an operator; 409 once decided. */
	@Transactional
	public Complaint.Message post(UUID complaintId, AccountPrincipal caller, String text) {
		Map<String, String> errors = new LinkedHashMap<>();
		check(errors, "text", text, 2000);
		if (!errors.isEmpty()) {
			throw invalid(errors);
		}
		Complaint c = visible(rows.findForUpdate(complaintId), caller);
		requireOpen(c);
		Complaint.Message message = new Complaint.Message(Ids.newId(), caller.accountId(), role(c, caller), text.strip(),
				clock.instant());
		rows.insertMessage(complaintId, c.shopId(), message);
		return message;
	}

	/** The buyer adds a photo (an image by content, within the size limit), at most {@value #MAX_PHOTOS}. */
	@Transactional
	public Complaint.Photo addPhoto(UUID complaintId, AccountPrincipal caller, MultipartFile file) {
		Complaint c = visible(rows.findForUpdate(complaintId), caller);
		if (!caller.is(c.buyerAccountId())) {
			throw Problem.forbidden("Only the buyer adds photos to a complaint.");
		}
		requireOpen(c);
		if (rows.photos(complaintId).size() >= MAX_PHOTOS) {
			throw Problem.unprocessable("too-many-photos", "Too many photos",
					"A complaint holds at most " + MAX_PHOTOS + " photos.");
		}
		Uploads.Checked checked = uploads.check("file", file, PHOTO_KINDS);
		String key = files.put("complaints", checked.kind(), checked.bytes());
		Complaint.Photo photo = new Complaint.Photo(Ids.newId(), key, checked.kind().contentType(),
				checked.bytes().length, clock.instant());
		rows.insertPhoto(complaintId, c.shopId(), photo);
		return photo;
	}

	/** A photo's bytes, to whoever may see the complaint. */
	@Transactional(readOnly = true)
	public StoredPhoto photo(UUID complaintId, UUID photoId, AccountPrincipal caller) {
		visible(rows.find(complaintId), caller);
		Complaint.Photo photo = rows.photos(complaintId)
			.stream()
			.filter(p -> p.id().equals(photoId))
			.findFirst()
			.orElseThrow(() -> Problem.notFound("The photo"));
		byte[] bytes = files.get(photo.fileKey()).orElseThrow(() -> Problem.notFound("The photo"));
		return new StoredPhoto(photo.contentType(), bytes);
	}

	/** The operators' queue, oldest first; {@code status} null for every complaint. */
	@Transactional(readOnly = true)
	public PageOf<Complaint> queue(Complaint.Status status, PageRequest page) {
		List<Complaint> items = rows.page(status, page.size(), page.offset())
			.stream()
			.map(c -> c.with(rows.messages(c.id()), rows.photos(c.id())))
			.toList();
		return new PageOf<>(items, page.page(), page.size(), rows.count(status));
	}

	/**
	 * The operator's decision, once (409 {@code already-decided} after): the outcome, its
	 * money through ordering and the ledger, the shop's reputation and the audit entry commit
	 * together, or nothing does. {@code refundAmount} (fen) only for a partial refund, where
	 * it must be more than 0 and less than what the order still holds (422 otherwise). The
	 * same decision sent again with its {@code Idempotency-Key} answers the complaint as decided
	 * (nothing is refunded twice); the key with another decision is refused (409).
	 */
	@Transactional
	public Complaint decide(UUID complaintId, AccountPrincipal operator, String outcomeName, Long refundAmount,
			String reason, String idempotencyKey) {
		if (!operator.operator()) {
			throw Problem.forbidden("Only operators decide complaints.");
		}
		IdempotencyKeys.checked(idempotencyKey);
		String hash = IdempotencyKeys.requestHash(outcomeName, refundAmount, reason == null ? null : reason.strip());
		Complaint c = rows.findForUpdate(complaintId).orElseThrow(() -> Problem.notFound("The complaint"));
		if (!c.open()) {
			var earlier = idempotencyKey == null ? java.util.Optional.<String>empty()
					: rows.decisionHash(complaintId, idempotencyKey);
			if (earlier.isEmpty()) {
				throw Problem.conflict("already-decided", "Already decided", "This complaint was already decided.");
			}
			if (!earlier.get().equals(hash)) {
				throw IdempotencyKeys.reused();
			}
			return find(complaintId, operator);
		}
		Outcome outcome = outcome(outcomeName);
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw Problem.invalidField("reason", "a decision needs a reason both parties can read, up to 1000 characters");
		}
		Long refunded = null;
		if (outcome == Outcome.REJECT) {
			refunds.releaseHold(c.orderId());
		}
		else if (outcome == Outcome.PARTIAL_REFUND) {
			if (refundAmount == null || refundAmount <= 0) {
				throw Problem.invalidField("refundAmount", "a partial refund needs an amount in fen, more than 0");
			}
			refunded = refunds.refundPart(c.orderId(), refundAmount).amount();
			refunds.releaseHold(c.orderId());
		}
		else {
			refunded = refunds.refundInFull(c.orderId()).amount();
		}
		rows.decide(complaintId, outcome, refunded, reason.strip(), operator.accountId(), clock.instant(), idempotencyKey,
				hash);
		if (outcome.upheld()) {
			reputation.afterUpheldComplaint(c.shopId());
		}
		audit.record(operator.accountId(), "complaint.decide", "complaint", complaintId.toString(), reason.strip(),
				outcome + (refunded == null ? "" : " " + refunded) + " order " + c.orderId());
		return find(complaintId, operator);
	}

	/** Who the caller is in this complaint's thread (buyer first: a seller may buy in its own shop). */
	public Role role(Complaint c, AccountPrincipal caller) {
		if (caller.is(c.buyerAccountId())) {
			return Role.BUYER;
		}
		if (shops.owns(c.shopId(), caller.accountId())) {
			return Role.SELLER;
		}
		return Role.OPERATOR;
	}

	private Complaint visible(java.util.Optional<Complaint> found, AccountPrincipal caller) {
		return found
			.filter(c -> caller.operator() || caller.is(c.buyerAccountId()) || shops.owns(c.shopId(), caller.accountId()))
			.orElseThrow(() -> Problem.notFound("The complaint"));
	}

	private static void check(Map<String, String> errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.put(field, "must not be blank");
		}
		else if (value.length() > max) {
			errors.put(field, "must be at most " + max + " characters");
		}
	}

	private static Problem invalid(Map<String, String> errors) {
		return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", "Invalid request",
				"Some fields are not valid: " + String.join(", ", errors.keySet()) + ".", errors);
	}

	private static void requireOpen(Complaint c) {
		if (!c.open()) {
			throw Problem.conflict("already-decided", "Already decided",
					"This complaint was decided; its thread is closed.");
		}
	}

	private static Outcome outcome(String name) {
		if (name == null || name.isBlank()) {
			throw Problem.invalidField("outcome", "must be REJECT, PARTIAL_REFUND or FULL_REFUND");
		}
		try {
			return Outcome.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalidField("outcome", "must be REJECT, PARTIAL_REFUND or FULL_REFUND");
		}
	}

	/** A photo as stored. */
	public record StoredPhoto(String contentType, byte[] bytes) {
	}

}

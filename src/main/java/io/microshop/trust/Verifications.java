package io.microshop.trust;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.identity.AccountPrincipal;
import io.microshop.platform.Ids;
import io.microshop.platform.PageOf;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.audit.AuditLog;
import io.microshop.platform.files.FileKind;
import io.microshop.platform.files.FileStorage;
import io.microshop.platform.files.Uploads;
import io.microshop.shop.Shops;
import io.microshop.trust.Verification.Document;
import io.microshop.trust.persistence.VerificationRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Verification of shops and suppliers. The owner submits who they legally are and uploads
 * documents; an operator approves or rejects once, with a reason, and the decision sets the
 * subject's verified mark. The mark belongs to a legal name: a request with another name
 * clears it until that request is approved.
 */
@Service
public class Verifications {

	static final int MAX_DOCUMENTS = 10;

	private static final EnumSet<FileKind> DOCUMENT_KINDS = EnumSet.allOf(FileKind.class);

	private final VerificationRows rows;

	private final Shops shops;

	private final Catalog catalog;

	private final Uploads uploads;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	Verifications(VerificationRows rows, Shops shops, Catalog catalog, Uploads uploads, FileStorage files,
			AuditLog audit, Clock clock) {
		this.rows = rows;
		this.shops = shops;
		this.catalog = catalog;
		this.uploads = uploads;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new request from the subject's owner; 409 while another one waits for review. */
	@Transactional
	public Verification submit(AccountPrincipal caller, String subject, UUID subjectId, String legalName,
			String idNumber, String licenseNumber) {
		boolean exists = switch (subject) {
			case Verification.SHOP -> shops.shop(subjectId).isPresent();
			case Verification.SUPPLIER -> catalog.supplier(subjectId).isPresent();
			default -> throw Problem.invalidField("subject", "must be shop or supplier");
		};
		if (!exists) {
			throw Problem.invalidField("subjectId", "no such " + subject);
		}
		boolean verified = requireOwner(caller, subject, subjectId);
		Instant now = clock.instant();
		Verification request = new Verification(Ids.newId(), subject, subjectId, caller.accountId(), legalName.strip(),
				idNumber.strip().toUpperCase(Locale.ROOT), blankToNull(licenseNumber), Verification.Status.PENDING, null,
				null, null, now, List.of());
		Optional<Verification> approved = rows.ofSubject(subject, subjectId)
			.stream()
			.filter(v -> v.status() == Verification.Status.APPROVED)
			.findFirst();
		if (!rows.insert(request)) {
			throw Problem.conflict("verification-pending", "Verification already waiting",
					"This " + subject + " already has a verification waiting for review.");
		}
		boolean nameChanged = approved.map(v -> !sameName(v.legalName(), request.legalName())).orElse(false);
		if (verified && nameChanged) {
			// the badge vouched for the old legal name: it comes back only when this request is approved
			markVerified(subject, subjectId, false);
		}
		return request;
	}

	/** Adds a document (image or PDF by content, within the size limit) to a waiting request. */
	@Transactional
	public Document addDocument(UUID verificationId, AccountPrincipal caller, MultipartFile file) {
		Verification v = rows.findForUpdate(verificationId)
			.filter(found -> caller.is(found.submittedBy()))
			.orElseThrow(() -> Problem.notFound("The verification"));
		if (v.status() != Verification.Status.PENDING) {
			throw alreadyDecided();
		}
		if (rows.documents(verificationId).size() >= MAX_DOCUMENTS) {
			throw Problem.unprocessable("too-many-documents", "Too many documents",
					"A verification holds at most " + MAX_DOCUMENTS + " documents.");
		}
		Uploads.Checked checked = uploads.check("file", file, DOCUMENT_KINDS);
		String key = files.put("verifications", checked.kind(), checked.bytes());
		Document document = new Document(Ids.newId(), key, checked.kind().contentType(), checked.bytes().length,
				clock.instant());
		rows.insertDocument(verificationId, v.subjectId(), document);
		return document;
	}

	/** A request with its documents: to its submitter and operators only (404 otherwise). */
	@Transactional(readOnly = true)
	public Verification find(UUID verificationId, AccountPrincipal caller) {
		Verification v = rows.find(verificationId)
			.filter(found -> caller.operator() || caller.is(found.submittedBy()))
			.orElseThrow(() -> Problem.notFound("The verification"));
		return v.withDocuments(rows.documents(verificationId));
	}

	/** A document's bytes and content type, for the submitter and operators. */
	@Transactional(readOnly = true)
	public StoredDocument document(UUID verificationId, UUID documentId, AccountPrincipal caller) {
		Verification v = find(verificationId, caller);
		Document d = v.documents()
			.stream()
			.filter(doc -> doc.id().equals(documentId))
			.findFirst()
			.orElseThrow(() -> Problem.notFound("The document"));
		byte[] bytes = files.get(d.fileKey()).orElseThrow(() -> Problem.notFound("The document"));
		return new StoredDocument(d.contentType(), bytes);
	}

	/** The subject's requests, newest first, for its owner. */
	@Transactional(readOnly = true)
	public List<Verification> ofSubject(AccountPrincipal caller, String subject, UUID subjectId) {
		requireOwner(caller, subject, subjectId);
		return rows.ofSubject(subject, subjectId);
	}

	/** The latest request about a subject (no caller check: for the subject's own pages and rules). */
	@Transactional(readOnly = true)
	public Optional<Verification> latest(String subject, UUID subjectId) {
		return rows.ofSubject(subject, subjectId).stream().findFirst();
	}

	/** The operators' queue, oldest first; {@code status} null for every request. */
	@Transactional(readOnly = true)
	public PageOf<Verification> queue(Verification.Status status, PageRequest page) {
		List<Verification> items = rows.page(status, page.size(), page.offset())
			.stream()
			.map(v -> v.withDocuments(rows.documents(v.id())))
			.toList();
		return new PageOf<>(items, page.page(), page.size(), rows.count(status));
	}

	/**
	 * The operator's decision, once: approval sets the subject's verified mark, rejection
	 * needs a reason. Recorded in the audit log in the same transaction.
	 */
	@Transactional
	public Verification decide(UUID verificationId, AccountPrincipal operator, boolean approve, String reason) {
		String why = blankToNull(reason);
		if (!approve && why == null) {
			throw Problem.invalidField("reason", "a rejection needs a reason the applicant can act on");
		}
		Verification v = rows.findForUpdate(verificationId).orElseThrow(() -> Problem.notFound("The verification"));
		if (v.status() != Verification.Status.PENDING) {
			throw alreadyDecided();
		}
		Verification.Status status = approve ? Verification.Status.APPROVED : Verification.Status.REJECTED;
		rows.decide(verificationId, status, why, operator.accountId(), clock.instant());
		if (approve) {
			markVerified(v.subject(), v.subjectId(), true);
		}
		audit.record(operator.accountId(), approve ? "verification.approve" : "verification.reject", "verification",
				verificationId.toString(), why, v.subject() + " " + v.subjectId() + " as " + v.legalName());
		return rows.find(verificationId).orElseThrow().withDocuments(rows.documents(verificationId));
	}

	/**
	 * Checks the caller owns the subject (404 unknown, 403 another account's) and tells
	 * whether it is verified now.
	 */
	boolean requireOwner(AccountPrincipal caller, String subject, UUID subjectId) {
		return switch (subject) {
			case Verification.SHOP -> shops.requireOwned(subjectId, caller).verified();
			case Verification.SUPPLIER -> catalog.requireOwned(subjectId, caller).verified();
			default -> throw Problem.invalidField("subject", "must be shop or supplier");
		};
	}

	private void markVerified(String subject, UUID subjectId, boolean verified) {
		if (Verification.SHOP.equals(subject)) {
			shops.markVerified(subjectId, verified);
		}
		else {
			catalog.markVerified(subjectId, verified);
		}
	}

	private static boolean sameName(String a, String b) {
		return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Problem alreadyDecided() {
		return Problem.conflict("already-decided", "Already decided", "This verification was already decided.");
	}

	/** A document as stored. */
	public record StoredDocument(String contentType, byte[] bytes) {
	}

}

package io.microshop.trust.web;

import java.util.List;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ledger.Balance;
import io.microshop.ledger.Ledger;
import io.microshop.platform.PageRequest;
import io.microshop.platform.Problem;
import io.microshop.platform.web.FormValues;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;
import io.microshop.platform.web.Yuan;
import io.microshop.shop.SellerShops;
import io.microshop.shop.Shops;
import io.microshop.trust.Verification;
import io.microshop.trust.Verifications;
import io.microshop.trust.Withdrawals;

import org.springframework.http.CacheControl;
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
 * The seller's and the supplier's "Verification & payouts" page: where they stand, the form to
 * submit who they legally are with documents, their balance and withdrawals. One page for
 * both consoles: {@code /seller/verification?shop=} and {@code /supplier/verification?supplier=}.
 */
@PageController
class VerificationPagesController {

	private final Verifications verifications;

	private final Withdrawals withdrawals;

	private final Shops shops;

	private final Catalog catalog;

	private final Ledger ledger;

	private final PageText text;

	VerificationPagesController(Verifications verifications, Withdrawals withdrawals, Shops shops, Catalog catalog,
			Ledger ledger, PageText text) {
		this.text = text;
		this.verifications = verifications;
		this.withdrawals = withdrawals;
		this.shops = shops;
		this.catalog = catalog;
		this.ledger = ledger;
	}

	@GetMapping("/{console:seller|supplier}/verification")
	String page(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String console,
			@RequestParam(required = false) String shop, @RequestParam(required = false) String supplier,
			Model model) {
		Subject subject = subject(me, console, shop, supplier);
		List<Verification> history = verifications.ofSubject(me, subject.kind(), subject.id());
		Verification latest = history.isEmpty() ? null
				: verifications.find(history.get(0).id(), me);
		model.addAttribute("console", console);
		model.addAttribute("subject", subject);
		model.addAttribute("seller".equals(console) ? "shop" : "supplier", subject);
		model.addAttribute("latest", latest);
		model.addAttribute("history", history);
		model.addAttribute("balance", subject.balance());
		model.addAttribute("withdrawals",
				withdrawals.of(me, subject.kind(), subject.id(), PageRequest.of(0, 20)).items());
		model.addAttribute("notVerifiedReason",
				subject.verified() ? null : withdrawals.notVerifiedReason(subject.kind(), subject.id()));
		model.addAttribute("withdrawalKey", UUID.randomUUID().toString());
		return "trust/verification";
	}

	@PostMapping("/{console:seller|supplier}/verification")
	String submit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String console,
			@RequestParam(required = false) String subjectId, @RequestParam(required = false) String legalName,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String licenseNumber,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		Subject subject = subject(me, console, subjectId, subjectId);
		flash.addAttribute(param(console), subject.id());
		try {
			if (legalName == null || legalName.isBlank() || legalName.strip().length() > 100) {
				throw Problem.invalidField("legalName", text.get("seller.verify.error.legalName"));
			}
			if (idNumber == null || !idNumber.strip().matches("[0-9A-Za-z-]{4,40}")) {
				throw Problem.invalidField("idNumber", text.get("seller.verify.error.idNumber"));
			}
			String licence = licenseNumber == null || licenseNumber.isBlank() ? null : licenseNumber.strip();
			if (licence != null && !licence.matches("[0-9A-Za-z-]{4,40}")) {
				throw Problem.invalidField("licenseNumber", text.get("seller.verify.error.licence"));
			}
			Verification v = verifications.submit(me, subject.kind(), subject.id(), legalName, idNumber, licence);
			if (file != null && !file.isEmpty()) {
				verifications.addDocument(v.id(), me, file);
			}
			flash.addFlashAttribute("notice", text.get("seller.verify.submitted"));
		}
		catch (Problem problem) {
			flash.addFlashAttribute("error", PageMessages.of(problem));
		}
		return "redirect:/" + console + "/verification";
	}

	@PostMapping("/{console:seller|supplier}/verification/documents")
	String addDocument(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String console,
			@RequestParam(required = false) String subjectId, @RequestParam(required = false) String verificationId,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		Subject subject = subject(me, console, subjectId, subjectId);
		flash.addAttribute(param(console), subject.id());
		UUID id = FormValues.uuid(verificationId).orElseThrow(() -> Problem.notFound("The verification"));
		try {
			verifications.addDocument(id, me, file);
			flash.addFlashAttribute("notice", text.get("seller.verify.documentAdded"));
		}
		catch (Problem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			flash.addFlashAttribute("error", PageMessages.of(problem));
		}
		return "redirect:/" + console + "/verification";
	}

	@PostMapping("/{console:seller|supplier}/withdrawals")
	String withdraw(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String console,
			@RequestParam(required = false) String subjectId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String key, RedirectAttributes flash) {
		Subject subject = subject(me, console, subjectId, subjectId);
		flash.addAttribute(param(console), subject.id());
		try {
			long fen = Yuan.parse("amount", amount);
			var w = withdrawals.withdraw(me, subject.kind(), subject.id(), fen, key);
			flash.addFlashAttribute("notice", text.get("seller.withdraw.done", Yuan.format(w.amount()),
					text.get("seller.withdrawal.status." + w.status().name())));
		}
		catch (Problem problem) {
			flash.addFlashAttribute("error", PageMessages.of(problem));
		}
		return "redirect:/" + console + "/verification";
	}

	/** A document, for its submitter (the verification's API rules apply). */
	@GetMapping("/{console:seller|supplier}/verification/{verificationId}/documents/{documentId}")
	ResponseEntity<byte[]> document(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String console,
			@PathVariable UUID verificationId, @PathVariable UUID documentId) {
		return DocumentResponses.of(verifications.document(verificationId, documentId, me));
	}

	private Subject subject(AccountPrincipal me, String console, String shopId, String supplierId) {
		if ("seller".equals(console)) {
			var shop = SellerShops.of(shops, me, shopId).orElseThrow(() -> Problem.notFound("Your shop")).current();
			return new Subject(Verification.SHOP, shop.id(), shop.name(), shop.verified(),
					ledger.shopBalance(shop.id()));
		}
		var mine = catalog.suppliersOf(me.accountId());
		if (mine.isEmpty()) {
			throw Problem.notFound("Your supplier");
		}
		var supplier = FormValues.uuid(supplierId)
			.flatMap(id -> mine.stream().filter(s -> s.id().equals(id)).findFirst())
			.orElse(mine.get(0));
		return new Subject(Verification.SUPPLIER, supplier.id(), supplier.name(), supplier.verified(),
				ledger.supplierBalance(supplier.id()));
	}

	private static String param(String console) {
		return "seller".equals(console) ? "shop" : "supplier";
	}

	/** The shop or supplier the page is about. */
	record Subject(String kind, UUID id, String name, boolean verified, Balance balance) {
	}

	/** Serving a stored document: inline, never cached, never sniffed. */
	static final class DocumentResponses {

		private DocumentResponses() {
		}

		static ResponseEntity<byte[]> of(Verifications.StoredDocument stored) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(stored.contentType()))
				.cacheControl(CacheControl.noStore())
				.header("Content-Disposition", "inline")
				.header("X-Content-Type-Options", "nosniff")
				.body(stored.bytes());
		}

	}

}

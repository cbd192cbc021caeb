package io.microshop.ordering.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.microshop.catalog.Catalog;
import io.microshop.catalog.Supplier;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.ShipmentBatch;
import io.microshop.ordering.ShipmentBatches;
import io.microshop.ordering.shipping.ShippingFileRefused;
import io.microshop.platform.Problem;
import io.microshop.platform.web.PageController;
import io.microshop.platform.web.PageMessages;
import io.microshop.platform.web.PageText;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk shipping in the supplier console: upload a CSV, then watch its batch. The batch page
 * works without JavaScript (a refresh link); with it, {@code /js/bulk-shipping.js} polls the
 * progress address and moves the progress bar and counters in place.
 */
@PageController
class BulkShippingController {

	private final Catalog catalog;

	private final ShipmentBatches batches;

	private final PageText text;

	BulkShippingController(Catalog catalog, ShipmentBatches batches, PageText text) {
		this.catalog = catalog;
		this.batches = batches;
		this.text = text;
	}

	@GetMapping("/supplier/shipments")
	String upload(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String supplier,
			Model model) {
		List<Supplier> mine = catalog.suppliersOf(me.accountId());
		if (mine.isEmpty()) {
			return "redirect:/supplier";
		}
		Supplier current = ConsoleParams.id(supplier)
			.flatMap(id -> mine.stream().filter(s -> s.id().equals(id)).findFirst())
			.orElse(mine.get(0));
		return uploadPage(me, current, model);
	}

	@PostMapping("/supplier/shipments")
	String start(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String supplier,
			@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response) {
		Supplier owner = owned(me, supplier);
		try {
			ShipmentBatch batch = batches.start(owner.id(), me, file);
			return "redirect:/supplier/shipments/" + batch.id() + "?supplier=" + owner.id();
		}
		catch (ShippingFileRefused refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("error", refused.status().value() == 415 ? text.get("supplier.bulk.notCsv")
					: text.get("supplier.bulk.refused", refused.errors().get(0).line(),
							text.get("supplier.bulk.error." + refused.code())));
		}
		catch (Problem problem) {
			if (problem.status().value() == 404 || problem.status().value() == 403) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			model.addAttribute("error", switch (problem.status().value()) {
				case 413 -> text.get("supplier.bulk.tooLarge");
				case 400 -> text.get("supplier.bulk.fileRequired");
				default -> PageMessages.of(problem);
			});
		}
		return uploadPage(me, owner, model);
	}

	@GetMapping("/supplier/shipments/{batchId}")
	String batch(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID batchId,
			@RequestParam(required = false) String supplier, Model model) {
		Supplier owner = owned(me, supplier);
		model.addAttribute("supplier", owner);
		model.addAttribute("batch", batches.batch(owner.id(), batchId, me));
		return "ordering/shipment-batch";
	}

	/** What the batch page's script polls. */
	@GetMapping("/supplier/shipments/{batchId}/progress")
	@ResponseBody
	Map<String, Object> progress(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID batchId,
			@RequestParam(required = false) String supplier) {
		Supplier owner = owned(me, supplier);
		ShipmentBatch b = batches.progress(owner.id(), batchId, me);
		return Map.of("status", b.status().name(), "total", b.total(), "done", b.done(), "shipped", b.shipped(),
				"alreadyShipped", b.alreadyShipped(), "failed", b.failed(), "percent", b.percent());
	}

	private String uploadPage(AccountPrincipal me, Supplier current, Model model) {
		model.addAttribute("suppliers", catalog.suppliersOf(me.accountId()));
		model.addAttribute("supplier", current);
		model.addAttribute("recent", batches.recent(current.id(), me));
		return "ordering/bulk-shipping";
	}

	private Supplier owned(AccountPrincipal me, String supplierId) {
		UUID id = ConsoleParams.id(supplierId).orElseThrow(() -> Problem.notFound("The supplier"));
		return catalog.requireOwned(id, me);
	}

}

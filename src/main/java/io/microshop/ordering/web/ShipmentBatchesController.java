package io.microshop.ordering.web;

import java.net.URI;
import java.util.UUID;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.ShipmentBatch;
import io.microshop.ordering.ShipmentBatches;
import io.microshop.ordering.shipping.ShippingFileRefused;
import io.microshop.platform.ProblemBodies;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk shipping over the API: upload a CSV ({@code orderId,carrier,trackingNumber}) as the
 * multipart part {@code file}; 202 with the batch, then poll it for progress and row errors.
 */
@RestController
class ShipmentBatchesController {

	private final ShipmentBatches batches;

	ShipmentBatchesController(ShipmentBatches batches) {
		this.batches = batches;
	}

	@PostMapping("/api/v1/suppliers/{supplierId}/shipment-batches")
	ResponseEntity<ShipmentBatch> upload(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId,
			@RequestPart(name = "file", required = false) MultipartFile file) {
		ShipmentBatch batch = batches.start(supplierId, me, file);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/suppliers/" + supplierId + "/shipment-batches/" + batch.id()))
			.body(batch);
	}

	@GetMapping("/api/v1/suppliers/{supplierId}/shipment-batches/{batchId}")
	ShipmentBatch batch(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID supplierId,
			@PathVariable UUID batchId) {
		return batches.batch(supplierId, batchId, me);
	}

	@ExceptionHandler(ShippingFileRefused.class)
	ResponseEntity<ProblemDetail> refused(ShippingFileRefused refused) {
		ProblemDetail body = ProblemBodies.detail(refused.status(), refused.type(),
				refused.status().value() == 415 ? "Not a CSV file" : "Invalid shipping file", refused.getMessage());
		if (!refused.errors().isEmpty()) {
			body.setProperty("rowErrors", refused.errors());
		}
		return ResponseEntity.status(refused.status()).body(body);
	}

}

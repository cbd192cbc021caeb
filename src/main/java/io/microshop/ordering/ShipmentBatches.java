package io.microshop.ordering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.microshop.catalog.Catalog;
import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.persistence.ShipmentBatchRows;
import io.microshop.ordering.shipping.ShippingCsv;
import io.microshop.ordering.shipping.ShippingFileRefused;
import io.microshop.platform.Ids;
import io.microshop.platform.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk shipping: a supplier uploads a CSV of {@code orderId,carrier,trackingNumber}; the file
 * is read and checked at once (a file that is no such CSV is refused whole, a bad row is
 * reported on its line), stored as a batch, and its rows are shipped one by one in the
 * background, each through {@link OrderLifecycle#ship} in a transaction of its own. Uploading
 * the same file again ships nothing twice: rows already shipped with the same carrier and
 * tracking number count as already shipped.
 */
@Service
public class ShipmentBatches {

	/** Five megabytes: about 60,000 rows, more than a day of orders for any supplier here. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_ERRORS_SHOWN = 500;

	private final Catalog catalog;

	private final ShipmentBatchRows rows;

	private final BatchRunner runner;

	private final Clock clock;

	ShipmentBatches(Catalog catalog, ShipmentBatchRows rows, BatchRunner runner, Clock clock) {
		this.catalog = catalog;
		this.rows = rows;
		this.runner = runner;
		this.clock = clock;
	}

	/**
	 * Checks and stores the file as a batch and starts it once stored: 404/403 for a supplier
	 * not the caller's, 413 past {@value #MAX_BYTES} bytes, {@link ShippingFileRefused} for a
	 * file that is not such a CSV.
	 */
	@Transactional
	public ShipmentBatch start(UUID supplierId, AccountPrincipal caller, MultipartFile file) {
		catalog.requireOwned(supplierId, caller);
		if (file == null || file.isEmpty()) {
			throw new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					"Send the CSV file as the multipart part \"file\".", java.util.Map.of("file", "a CSV file is required"));
		}
		if (file.getSize() > MAX_BYTES) {
			throw new Problem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
					"A shipping file may be at most 5 MB; split it in several files.");
		}
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String fileName = file.getOriginalFilename();
		ShippingCsv.Parsed parsed = ShippingCsv.parse(bytes);
		UUID id = Ids.newId();
		rows.insert(id, supplierId, caller.accountId(), name(fileName), parsed.rows(), clock.instant());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				runner.submit(id);
			}
		});
		return rows.find(id).orElseThrow();
	}

	/** The batch with its row errors (the first {@value #MAX_ERRORS_SHOWN}): 404 unless it is the supplier's. */
	@Transactional(readOnly = true)
	public ShipmentBatch batch(UUID supplierId, UUID batchId, AccountPrincipal caller) {
		catalog.requireOwned(supplierId, caller);
		ShipmentBatch b = rows.find(batchId)
			.filter(found -> found.supplierId().equals(supplierId))
			.orElseThrow(() -> Problem.notFound("The shipment batch"));
		return withErrors(b);
	}

	/** The progress only, cheap enough to poll every second. */
	@Transactional(readOnly = true)
	public ShipmentBatch progress(UUID supplierId, UUID batchId, AccountPrincipal caller) {
		catalog.requireOwned(supplierId, caller);
		return rows.find(batchId)
			.filter(found -> found.supplierId().equals(supplierId))
			.orElseThrow(() -> Problem.notFound("The shipment batch"));
	}

	@Transactional(readOnly = true)
	public List<ShipmentBatch> recent(UUID supplierId, AccountPrincipal caller) {
		catalog.requireOwned(supplierId, caller);
		return rows.recent(supplierId, 10);
	}

	private ShipmentBatch withErrors(ShipmentBatch b) {
		return new ShipmentBatch(b.id(), b.supplierId(), b.fileName(), b.status(), b.total(), b.done(), b.shipped(),
				b.alreadyShipped(), b.failed(), b.createdAt(), b.finishedAt(), rows.errors(b.id(), MAX_ERRORS_SHOWN));
	}

	private static String name(String fileName) {
		String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}]", "").strip();
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		if (name.isEmpty()) {
			return "upload.csv";
		}
		return name.length() > 100 ? name.substring(0, 100) : name;
	}

}

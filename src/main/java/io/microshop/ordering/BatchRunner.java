package io.microshop.ordering;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.microshop.identity.AccountPrincipal;
import io.microshop.ordering.ShipmentBatch.RowError;
import io.microshop.ordering.domain.Order;
import io.microshop.ordering.persistence.OrderRows;
import io.microshop.ordering.persistence.ShipmentBatchRows;
import io.microshop.platform.Problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the rows of shipment batches in the background, on one thread of its own (a batch
 * is a few hundred quick transactions; one at a time keeps the pool free for buyers). Each row
 * is one transaction: the order locked, checked, shipped and the row's outcome counted, or
 * nothing. Batches left running by a stopped node are picked up again at start.
 */
@Component
class BatchRunner {

	private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

	private final ShipmentBatchRows batches;

	private final OrderRows orders;

	private final OrderLifecycle lifecycle;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "shipment-batches");
		thread.setDaemon(true);
		return thread;
	});

	BatchRunner(ShipmentBatchRows batches, OrderRows orders, OrderLifecycle lifecycle, TransactionTemplate tx,
			Clock clock) {
		this.batches = batches;
		this.orders = orders;
		this.lifecycle = lifecycle;
		this.tx = tx;
		this.clock = clock;
	}

	void submit(UUID batchId) {
		executor.submit(() -> run(batchId));
	}

	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		batches.running().forEach(this::submit);
	}

	@jakarta.annotation.PreDestroy
	void stop() throws InterruptedException {
		executor.shutdownNow();
		executor.awaitTermination(5, TimeUnit.SECONDS);
	}

	private void run(UUID batchId) {
		try {
			UUID supplierId = batches.find(batchId).orElseThrow().supplierId();
			AccountPrincipal uploader = new AccountPrincipal(batches.accountOf(batchId), null, null, false);
			List<ShipmentBatchRows.Pending> pending;
			while (!(pending = batches.pending(batchId, 100)).isEmpty() && !Thread.currentThread().isInterrupted()) {
				for (ShipmentBatchRows.Pending row : pending) {
					apply(batchId, supplierId, uploader, row);
				}
			}
			if (!Thread.currentThread().isInterrupted()) {
				tx.executeWithoutResult(s -> batches.finish(batchId, clock.instant()));
			}
		}
		catch (RuntimeException ex) {
			log.error("Shipment batch {} stopped; it resumes on the next start", batchId, ex);
		}
	}

	private void apply(UUID batchId, UUID supplierId, AccountPrincipal uploader, ShipmentBatchRows.Pending row) {
		try {
			tx.executeWithoutResult(s -> {
				String error = check(supplierId, row);
				if (error == null) {
					lifecycle.ship(supplierId, row.orderId(), uploader, row.carrier(), row.trackingNumber());
					batches.record(batchId, row.line(), "SHIPPED", null);
				}
				else if (error.equals("ALREADY")) {
					batches.record(batchId, row.line(), "ALREADY", null);
				}
				else {
					batches.record(batchId, row.line(), "FAILED", error);
				}
			});
		}
		catch (Problem problem) {
			// the row's transaction rolled back: nothing of it was applied
			tx.executeWithoutResult(s -> batches.record(batchId, row.line(), "FAILED",
					RowError.NOT_SHIPPABLE + "|" + problem.getMessage()));
		}
	}

	/** Null when the row can be shipped, "ALREADY" when it was, else {@code code|sentence}. */
	private String check(UUID supplierId, ShipmentBatchRows.Pending row) {
		Order order = orders.findForUpdate(row.orderId()).orElse(null);
		if (order == null) {
			return RowError.UNKNOWN_ORDER + "|There is no order with this id.";
		}
		if (!order.supplierId().equals(supplierId)) {
			return RowError.OTHER_SUPPLIER + "|This order is another supplier's.";
		}
		return switch (order.status()) {
			case PAID -> order.awaitingGroup()
					? RowError.NOT_SHIPPABLE + "|This group-buy order waits for its group to fill." : null;
			case PENDING_PAYMENT -> RowError.NOT_PAID + "|This order is not paid yet.";
			case CANCELLED, REFUNDED -> RowError.CANCELLED + "|This order was cancelled or refunded.";
			case SHIPPED, RECEIVED, SETTLED -> row.carrier().equals(order.carrier())
					&& row.trackingNumber().equals(order.trackingNumber()) ? "ALREADY"
							: RowError.SHIPPED_OTHERWISE + "|This order was already shipped with "
									+ order.carrier() + ", tracking " + order.trackingNumber() + ".";
		};
	}

}

package io.microshop.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A bulk-shipping upload and how far it got: {@code done} of {@code total} rows handled,
 * {@code shipped} now, {@code alreadyShipped} before (the same carrier and tracking number: a
 * re-upload), {@code failed} with their {@code errors}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentBatch(UUID id, UUID supplierId, String fileName, Status status, int total, int done,
		int shipped, int alreadyShipped, int failed, Instant createdAt, Instant finishedAt, List<RowError> errors) {

	public enum Status {

		RUNNING, DONE

	}

	public boolean running() {
		return status == Status.RUNNING;
	}

	/** Done as a whole percentage, for people. */
	public int percent() {
		return total == 0 ? 100 : (int) (100L * done / total);
	}

	/**
	 * A row that was not applied: its line in the file (the header is line 1), the order id as
	 * written, a stable error code and a sentence in English. Pages show the code in the
	 * reader's language.
	 */
	public record RowError(int line, String orderId, String error, String message) {

		public static final String COLUMNS = "columns";

		public static final String BLANK = "blank";

		public static final String TOO_LONG = "too-long";

		public static final String DUPLICATE = "duplicate";

		public static final String UNKNOWN_ORDER = "unknown-order";

		public static final String OTHER_SUPPLIER = "other-supplier";

		public static final String NOT_PAID = "not-paid";

		public static final String CANCELLED = "cancelled";

		public static final String SHIPPED_OTHERWISE = "shipped-otherwise";

		public static final String NOT_SHIPPABLE = "not-shippable";

	}

}

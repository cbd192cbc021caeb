package io.microshop.ordering.shipping;

import java.util.List;

import io.microshop.ordering.ShipmentBatch.RowError;

import org.springframework.http.HttpStatus;

/**
 * A bulk-shipping file refused as a whole: not text (415), or no header or rows (422). Carries
 * the line at fault, so the supplier knows where to look.
 */
public class ShippingFileRefused extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final List<RowError> errors;

	ShippingFileRefused(HttpStatus status, String type, String message, List<RowError> errors) {
		super(message);
		this.status = status;
		this.type = type;
		this.errors = errors;
	}

	static ShippingFileRefused notText() {
		return new ShippingFileRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file",
				"This is not a CSV file: send UTF-8 text with the header orderId,carrier,trackingNumber.", List.of());
	}

	static ShippingFileRefused unprocessable(String error, int line, String message) {
		return new ShippingFileRefused(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-shipping-file", message,
				List.of(new RowError(line, null, error, message)));
	}

	public HttpStatus status() {
		return status;
	}

	/** The problem type, as {@code /problems/<type>}. */
	public String type() {
		return type;
	}

	/** The line at fault, when there is one. */
	public List<RowError> errors() {
		return errors;
	}

	/** The first error's code: {@code header}, {@code no-rows}, {@code too-many-rows}; {@code not-csv} for a file that is not text. */
	public String code() {
		return errors.isEmpty() ? "not-csv" : errors.get(0).error();
	}

}

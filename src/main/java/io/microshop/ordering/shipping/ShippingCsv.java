package io.microshop.ordering.shipping;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.microshop.ordering.ShipmentBatch.RowError;
import io.microshop.platform.web.FormValues;

/**
 * Reads a bulk-shipping file: UTF-8 (a byte-order mark is fine), comma-separated, fields in
 * double quotes when they hold commas, quotes or line breaks (RFC 4180), the header
 * {@code orderId,carrier,trackingNumber}. Anything else is refused as a whole (not text, no
 * such header, no rows); a bad row is reported on its line and the other rows still count.
 */
public final class ShippingCsv {

	public static final List<String> HEADER = List.of("orderId", "carrier", "trackingNumber");

	public static final int MAX_ROWS = 10_000;

	static final int MAX_FIELD = 64;

	private ShippingCsv() {
	}

	/** The file's rows, each valid or with its error; throws {@link ShippingFileRefused} for a file that is no such CSV. */
	public static Parsed parse(byte[] bytes) {
		String text = decode(bytes);
		List<Record> records = records(text);
		if (records.isEmpty() || records.get(0).blank()) {
			throw ShippingFileRefused.unprocessable("header", 1, "The file is empty: it needs the header "
					+ String.join(",", HEADER) + " and one row per order.");
		}
		Record header = records.get(0);
		if (!isHeader(header.fields())) {
			throw ShippingFileRefused.unprocessable("header", header.line(),
					"The first line must be the header " + String.join(",", HEADER) + ".");
		}
		List<Row> rows = new ArrayList<>();
		Map<UUID, Integer> firstLine = new HashMap<>();
		for (Record record : records.subList(1, records.size())) {
			if (record.blank()) {
				continue;
			}
			if (rows.size() >= MAX_ROWS) {
				throw ShippingFileRefused.unprocessable("too-many-rows", record.line(),
						"A file may hold at most " + MAX_ROWS + " rows; split it in several files.");
			}
			rows.add(row(record, firstLine));
		}
		if (rows.isEmpty()) {
			throw ShippingFileRefused.unprocessable("no-rows", 2, "The file has a header but no rows.");
		}
		return new Parsed(rows);
	}

	private static Row row(Record record, Map<UUID, Integer> firstLine) {
		List<String> f = record.fields();
		String orderText = f.isEmpty() ? "" : f.get(0).strip();
		if (f.size() != HEADER.size()) {
			return Row.error(record.line(), orderText, RowError.COLUMNS,
					"Expected 3 columns (orderId,carrier,trackingNumber), found " + f.size() + ".");
		}
		String carrier = f.get(1).strip();
		String tracking = f.get(2).strip();
		if (orderText.isEmpty() || carrier.isEmpty() || tracking.isEmpty()) {
			return Row.error(record.line(), orderText, RowError.BLANK, "The order id, carrier and tracking number are all required.");
		}
		if (orderText.length() > MAX_FIELD || carrier.length() > MAX_FIELD || tracking.length() > MAX_FIELD) {
			return Row.error(record.line(), orderText.length() > MAX_FIELD ? orderText.substring(0, MAX_FIELD) : orderText,
					RowError.TOO_LONG, "Keep each field under " + MAX_FIELD + " characters.");
		}
		UUID orderId = FormValues.uuid(orderText).orElse(null);
		if (orderId == null) {
			return Row.error(record.line(), orderText, RowError.UNKNOWN_ORDER, "There is no order with this id.");
		}
		Integer earlier = firstLine.putIfAbsent(orderId, record.line());
		if (earlier != null) {
			return Row.error(record.line(), orderText, RowError.DUPLICATE,
					"The same order is already on line " + earlier + " of this file.");
		}
		return new Row(record.line(), orderText, orderId, carrier, tracking, null, null);
	}

	private static boolean isHeader(List<String> fields) {
		if (fields.size() != HEADER.size()) {
			return false;
		}
		for (int i = 0; i < fields.size(); i++) {
			if (!fields.get(i).strip().equalsIgnoreCase(HEADER.get(i).toLowerCase(Locale.ROOT))) {
				return false;
			}
		}
		return true;
	}

	/** The text, or a refusal when these bytes are not UTF-8 text (a picture, a spreadsheet, a zip). */
	static String decode(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				throw ShippingFileRefused.notText();
			}
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
					throw ShippingFileRefused.notText();
				}
			}
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw ShippingFileRefused.notText();
		}
	}

	/** RFC 4180 records with the line each starts on (a quoted field may span lines). */
	static List<Record> records(String text) {
		List<Record> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		int line = 1;
		int start = 1;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"' && field.toString().isBlank()) {
				quoted = true;
				wasQuoted = true;
				field.setLength(0);
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				records.add(new Record(start, List.copyOf(fields), fields.size() == 1 && fields.get(0).isBlank() && !wasQuoted));
				fields.clear();
				field.setLength(0);
				wasQuoted = false;
				line++;
				start = line;
			}
			else {
				field.append(c);
			}
			i++;
		}
		if (!fields.isEmpty() || field.length() > 0 || wasQuoted) {
			fields.add(field.toString());
			records.add(new Record(start, List.copyOf(fields), fields.size() == 1 && fields.get(0).isBlank() && !wasQuoted));
		}
		return records;
	}

	record Record(int line, List<String> fields, boolean blank) {
	}

	/** One data row: valid (an order id, carrier and tracking number) or refused with its error. */
	public record Row(int line, String orderText, UUID orderId, String carrier, String trackingNumber, String error,
			String message) {

		static Row error(int line, String orderText, String error, String message) {
			return new Row(line, orderText, null, "", "", error, message);
		}

		public boolean valid() {
			return error == null;
		}

	}

	public record Parsed(List<Row> rows) {
	}

}

package io.microshop.platform;

import java.net.URI;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Every refusal leaves as RFC 9457 problem details with a stable {@code type}, and nothing
 * leaves as a stack trace. Validation errors list their fields in {@code errors}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(Problem.class)
	ResponseEntity<ProblemDetail> problem(Problem problem) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status());
		problem.retryAfterSeconds().ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER, seconds));
		return answer.body(ProblemBodies.detail(problem));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
			return problem(Problem.notFound("The " + ex.getName()));
		}
		return problem(Problem.invalidField(ex.getName(), "has the wrong form"));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraint(ConstraintViolationException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getConstraintViolations()
			.forEach(v -> errors.put(lastNode(v.getPropertyPath().toString()), v.getMessage()));
		return problem(new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"Some fields are not valid.", errors));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
		log.info("Refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		if (ex.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("22")) {
			// SQL "data exception" (a NUL character, a number out of range): bad input, not a conflict
			return problem(new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
					"A value has characters or a size that cannot be stored."));
		}
		return problem(Problem.conflict("constraint-violation", "Refused by a rule",
				"The request breaks a rule of the data (a duplicate or an out-of-range value)."));
	}

	/** A query string that is not valid UTF-8 (Tomcat refuses to decode it). */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodable(InvalidParameterException ex) {
		return problem(new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"The query string cannot be decoded as UTF-8."));
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, TransientDataAccessException.class,
			QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		log.warn("Database unavailable: {}", ex.getMessage());
		return problem(Problem.unavailable());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseTrouble.is(ex)) {
			return unavailable(ex);
		}
		log.error("Unexpected error", ex);
		return problem(new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"Something went wrong on our side; nothing was changed."));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getBindingResult().getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), e.getDefaultMessage()));
		ex.getBindingResult().getGlobalErrors().forEach(e -> errors.putIfAbsent(e.getObjectName(), e.getDefaultMessage()));
		ProblemDetail body = validation(errors);
		return ResponseEntity.badRequest().body(body);
	}

	/** A body that is not JSON, or a value of the wrong type: 400, naming the field when there is one. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
				return ResponseEntity.badRequest().body(validation(Map.of(field(json), "has the wrong type or form")));
			}
		}
		return ResponseEntity.badRequest().body(ProblemBodies.detail(HttpStatus.BAD_REQUEST, "invalid-request",
				"Invalid request", "The body is missing or is not valid JSON."));
	}

	/** A blank id in the path ({@code /orders/%20}) is as unknown as a malformed one. */
	@Override
	protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (!ex.isMissingAfterConversion()) {
			return super.handleMissingPathVariable(ex, headers, status, request);
		}
		ProblemDetail body = problem(Problem.notFound("The " + ex.getVariableName())).getBody();
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.getParameterValidationResults()
			.forEach(r -> r.getResolvableErrors()
				.forEach(e -> errors.putIfAbsent(r.getMethodParameter().getParameterName(), e.getDefaultMessage())));
		return ResponseEntity.badRequest().body(validation(errors));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail detail
				&& (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
			detail.setType(URI.create(Problem.TYPE_BASE + "http-" + statusCode.value()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ProblemDetail validation(Map<String, String> errors) {
		// errors always, even when empty (a Problem leaves empty errors out)
		ProblemDetail body = ProblemBodies.detail(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"Some fields are not valid.");
		body.setProperty("errors", errors);
		return body;
	}

	/** The JSON path of a value, as validation names it: {@code items[0].quantity}. */
	private static String field(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}

}

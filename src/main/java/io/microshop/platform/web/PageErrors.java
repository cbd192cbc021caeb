package io.microshop.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.microshop.platform.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of page controllers end on the error page with a sentence for people: an unknown or
 * malformed id is a 404, a refusal shows its reason, anything unexpected is a 500 with no
 * detail. Ordered before the API's advice, and only for {@link PageController}s, so the API
 * keeps answering problem details.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	private final PageText text;

	PageErrors(PageText text) {
		this.text = text;
	}

	@ExceptionHandler(Problem.class)
	ModelAndView problem(Problem problem, HttpServletResponse response) {
		problem.retryAfterSeconds().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
		return page(problem.status(), PageMessages.of(problem));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return page(HttpStatus.NOT_FOUND, text.get("error.detail.nothingHere"));
		}
		return page(HttpStatus.BAD_REQUEST, text.get("error.detail.badValue", ex.getName()));
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, ServletRequestBindingException.class,
			BindException.class })
	ModelAndView badRequest(Exception ex) {
		return page(HttpStatus.BAD_REQUEST, text.get("error.detail.badForm"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView method(HttpRequestMethodNotSupportedException ex) {
		return page(HttpStatus.METHOD_NOT_ALLOWED, text.get("error.detail.badMethod"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView integrity(DataIntegrityViolationException ex) {
		log.info("Page request refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return page(HttpStatus.CONFLICT, text.get("error.detail.constraint"));
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex) {
		if (io.microshop.platform.DatabaseTrouble.is(ex)) {
			log.warn("Database unavailable on a page: {}", ex.getMessage());
			return page(HttpStatus.SERVICE_UNAVAILABLE, text.get("error.detail.unavailable"));
		}
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
			return page(status, text.get("error.detail.notHandled", status.getReasonPhrase()));
		}
		log.error("Unexpected error on a page", ex);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, text.get("error.detail.unexpected"));
	}

	static ModelAndView page(HttpStatus status, String detail) {
		return new ModelAndView("error",
				Map.of("status", status.value(), "error", status.getReasonPhrase(), "detail", detail), status);
	}

}

package org.ddjvm.adapters.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.ddjvm.application.queue.RunBusyException;
import org.ddjvm.application.runs.DuplicateRunNameException;
import org.ddjvm.application.runs.UnknownRunException;
import org.ddjvm.application.users.DuplicateUsernameException;
import org.ddjvm.domain.data.DatasetUnavailableException;
import org.ddjvm.domain.distill.InvalidConfigException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * The API's errors as RFC 9457 problem details. A field error carries {@code field} and {@code errors}
 * ({@code [{field, reason}]}); unknown runs and configs are 404; a taken name, a busy run or a state that forbids
 * the request is 409.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

    @ExceptionHandler({DuplicateRunNameException.class, DuplicateUsernameException.class})
    ProblemDetail taken(InvalidConfigException e, HttpServletRequest request) {
        return field(HttpStatus.CONFLICT, e, request);
    }

    @ExceptionHandler(InvalidConfigException.class)
    ProblemDetail invalid(InvalidConfigException e, HttpServletRequest request) {
        return field(HttpStatus.BAD_REQUEST, e, request);
    }

    @ExceptionHandler(DatasetUnavailableException.class)
    ProblemDetail dataset(DatasetUnavailableException e, HttpServletRequest request) {
        return field(HttpStatus.BAD_REQUEST, "dataset", "is not available on the server: " + e.getMessage(), request);
    }

    @ExceptionHandler({UnknownRunException.class, NotFoundException.class})
    ProblemDetail unknown(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler({RunBusyException.class, IllegalStateException.class})
    ProblemDetail conflict(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, firstLine(e.getMessage()), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof JacksonException j && !j.getPath().isEmpty()) {
            String field = j.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            String reason = j.getOriginalMessage();
            if (reason != null && reason.startsWith("Unrecognized property")) {
                reason = "is not a known field";
            } else {
                reason = "has the wrong type or format: " + firstLine(reason);
            }
            return field(HttpStatus.BAD_REQUEST, field, reason, request);
        }
        return problem(HttpStatus.BAD_REQUEST, "the request body is not valid JSON", request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return field(HttpStatus.BAD_REQUEST, e.getName(), "has the wrong type or format (got " + e.getValue() + ")",
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return field(HttpStatus.BAD_REQUEST, e.getParameterName(), "is required", request);
    }

    private static ProblemDetail field(HttpStatus status, InvalidConfigException e, HttpServletRequest request) {
        String message = e.getMessage();
        String reason = message.startsWith(e.field() + " ") ? message.substring(e.field().length() + 1) : message;
        return field(status, e.field(), reason, request);
    }

    static ProblemDetail field(HttpStatus status, String field, String reason, HttpServletRequest request) {
        ProblemDetail problem = problem(status, field + " " + reason, request);
        problem.setProperty("field", field);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

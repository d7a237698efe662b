package com.licenseflow.shared;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns refusals into RFC 7807 problem details carrying the domain's message. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses {

    @ExceptionHandler(LicenseRuleViolation.class)
    public ProblemDetail refused(LicenseRuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(violation.rule()), violation.getMessage());
        String slug = violation.rule().name().toLowerCase(Locale.ROOT).replace('_', '-');
        problem.setType(URI.create("https://licenseflow.example/problems/" + slug));
        problem.setTitle(title(violation.rule()));
        problem.setProperty("rule", violation.rule().name());
        return problem;
    }

    /**
     * Two changes met on the same process at the same moment (say a purchaser cancels while the
     * campaign's reminder timer fires). The engine rolled this request back whole, so it is safe
     * to send it again.
     */
    @ExceptionHandler(OptimisticLockingException.class)
    public ProblemDetail concurrentChange(OptimisticLockingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "Something else changed the "
                        + "same process at this very moment, so nothing was changed. Send the request again.");
        problem.setTitle("Concurrent change");
        problem.setProperty("rule", "CONCURRENT_CHANGE");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid value for " + e.getName() + ".");
    }

    /**
     * A body that does not fit: not JSON, or a value of the wrong kind ({@code "seats": 1.5} is not a
     * whole number and is refused, never rounded). Nothing was changed.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            Class<?> type = mismatch.getTargetType();
            String wanted = type == int.class || type == Integer.class || type == long.class || type == Long.class
                    ? "a whole number"
                    : type != null && type.isEnum()
                            ? "one of " + Arrays.toString(type.getEnumConstants())
                            : "a value of another kind";
            String given =
                    mismatch instanceof InvalidFormatException invalid ? "'" + invalid.getValue() + "'" : "The value";
            return refused(Rule.INVALID_INPUT.violation(
                    given + " is not " + wanted + " (" + field + "). Nothing was " + "changed."));
        }
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not valid JSON. Nothing " + "was changed.");
    }

    static HttpStatus status(Rule rule) {
        return HttpStatus.valueOf(rule.refusal().httpStatus());
    }

    private static String title(Rule rule) {
        String words = rule.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

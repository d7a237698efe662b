package com.licenseflow.web;

import com.licenseflow.domain.LicenseRuleViolation;
import com.licenseflow.domain.Rule;
import java.net.URI;
import java.util.Locale;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns refusals into RFC 7807 problem details carrying the domain's message. */
@RestControllerAdvice
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Something else changed the "
                + "same process at this very moment, so nothing was changed. Send the request again.");
        problem.setTitle("Concurrent change");
        problem.setProperty("rule", "CONCURRENT_CHANGE");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getValue() + "' is not a valid value for " + e.getName() + ".");
    }

    static HttpStatus status(Rule rule) {
        return switch (rule.refusal()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    private static String title(Rule rule) {
        String words = rule.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

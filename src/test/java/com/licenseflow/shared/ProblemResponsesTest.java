package com.licenseflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemResponsesTest {

    private final ProblemResponses responses = new ProblemResponses();

    @Test
    void everyRefusalKindHasItsStatus() {
        assertThat(responses.refused(Rule.ADMIN_ROLE_REQUIRED.violation("x")).getStatus())
                .isEqualTo(403);
        assertThat(responses.refused(Rule.UNKNOWN_USER.violation("x")).getStatus())
                .isEqualTo(404);
        assertThat(responses.refused(Rule.TOO_MANY_USERS.violation("x")).getStatus())
                .isEqualTo(422);
        assertThat(responses.refused(Rule.NOT_ENOUGH_SEATS.violation("x")).getStatus())
                .isEqualTo(409);
    }

    @Test
    void aConcurrentChangeInTheEngineIsAConflictToRetryNotAServerError() {
        ProblemDetail problem = responses.concurrentChange(new OptimisticLockingException("ENGINE-03005 ..."));
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).contains("nothing was changed", "Send the request again");
        assertThat(problem.getProperties()).containsEntry("rule", "CONCURRENT_CHANGE");
    }
}

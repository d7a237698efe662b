package com.licenseflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import com.licenseflow.workflow.UntrustedProcessInput;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/** The assertions every process test makes about a refusal. */
public final class Refusals {

    private Refusals() {}

    /** The call is refused by {@code rule}, with a message containing every part given. */
    public static void expectRefusal(ThrowingCallable call, Rule rule, String... message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        LicenseRuleViolation.class, v -> assertThat(v.rule()).isEqualTo(rule))
                .hasMessageContainingAll(message);
    }

    /** The call is refused as something a caller put into the process that it does not trust. */
    public static void expectUntrusted(ThrowingCallable call, String... message) {
        assertThatThrownBy(call).isInstanceOf(UntrustedProcessInput.class).hasMessageContainingAll(message);
    }

    /** As {@link #expectRefusal}, and the process still waits at {@code activity} with nothing changed. */
    public static void refusedAndStillWaiting(
            Fixtures fixtures,
            ProcessInstance pi,
            String activity,
            ThrowingCallable call,
            Rule rule,
            String... message) {
        String before = fixtures.snapshot();
        expectRefusal(call, rule, message);
        BpmnAwareTests.assertThat(pi).isWaitingAt(activity);
        assertThat(fixtures.snapshot()).isEqualTo(before);
    }
}

package com.licenseflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.licenseflow.shared.LicenseRuleViolation;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** Numbers from forms and callers: whole numbers only, a fraction is refused rather than rounded down. */
class FormValuesTest {

    @Test
    void aWholeNumberIsReadFromANumberOrTextAndAFractionIsRefused() {
        assertThat(FormValues.optionalLong(seats(3), "seats", "the seats")).isEqualTo(3L);
        assertThat(FormValues.optionalLong(seats("4"), "seats", "the seats")).isEqualTo(4L);
        assertThat(FormValues.optionalLong(seats(2.0), "seats", "the seats")).isEqualTo(2L);
        assertThat(FormValues.optionalLong(seats(" "), "seats", "the seats")).isNull();
        assertThatThrownBy(() -> FormValues.optionalLong(seats(1.5), "seats", "the seats"))
                .isInstanceOf(LicenseRuleViolation.class)
                .hasMessageContaining("'1.5' is not a whole number");
        assertThatThrownBy(() -> FormValues.optionalLong(seats("two"), "seats", "the seats"))
                .isInstanceOf(LicenseRuleViolation.class);
    }

    private static VariableScope seats(Object value) {
        VariableScope scope = mock(VariableScope.class);
        when(scope.getVariable("seats")).thenReturn(value);
        return scope;
    }
}

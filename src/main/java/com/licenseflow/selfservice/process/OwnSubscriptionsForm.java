package com.licenseflow.selfservice.process;

import com.licenseflow.selfservice.SelfServiceCancellation;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * "Choose the subscription to cancel": the purchaser's own subscriptions that can be cancelled,
 * computed when Tasklist opens the form (a {@code shown} form field: never stored).
 */
@Component("ownSubscriptionsForm")
@ProcessBean
public class OwnSubscriptionsForm {

    private final SelfServiceCancellation cancellation;
    private final ProcessDecisions decisions;

    public OwnSubscriptionsForm(SelfServiceCancellation cancellation, ProcessDecisions decisions) {
        this.cancellation = cancellation;
        this.decisions = decisions;
    }

    public List<Map<String, String>> options(DelegateExecution execution) {
        return cancellation.cancellable(decisions.actingFor(execution)).stream()
                .map(s -> FormValues.option(
                        s.label(), String.valueOf(s.subscription().id())))
                .toList();
    }
}

package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_OUTCOME;

import com.licenseflow.takeover.TakeoverCancellation;
import com.licenseflow.takeover.TakeoverStatus;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A10: the term is over; the users lose access and the subscription becomes Deleted. */
@Component("endSubscriptionAtTerm")
@ProcessBean
class EndSubscriptionAtTermDelegate implements JavaDelegate {

    private final TakeoverCancellation cancellation;
    private final TakeoverStepContext steps;

    EndSubscriptionAtTermDelegate(TakeoverCancellation cancellation, TakeoverStepContext steps) {
        this.cancellation = cancellation;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cancellation.endAtTerm(
                steps.context(execution, "self-service subscription ended at the end of its term"),
                steps.takeoverId(execution));
        execution.setVariable(TAKEOVER_OUTCOME, TakeoverStatus.ENDED_AT_TERM.name());
    }
}

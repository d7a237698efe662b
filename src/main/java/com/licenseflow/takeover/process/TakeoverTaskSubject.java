package com.licenseflow.takeover.process;

import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.takeover.TakeoverProcess;
import com.licenseflow.workflow.TaskSubject;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** A takeover's tasks are about the subscription taken over: "Power BI Pro bought by Emma de Vries on 3 Nov 2026". */
@Component
class TakeoverTaskSubject implements TaskSubject {

    private final SubscriptionTakeovers takeovers;
    private final SubscriptionWords subscriptions;

    TakeoverTaskSubject(SubscriptionTakeovers takeovers, SubscriptionWords subscriptions) {
        this.takeovers = takeovers;
        this.subscriptions = subscriptions;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(TakeoverProcess.KEY);
    }

    /** Empty while the subscription is still to be chosen. */
    @Override
    public Optional<String> of(DelegateTask task) {
        return takeovers
                .ofProcessInstance(task.getProcessInstanceId())
                .map(takeover -> subscriptions.of(takeover.subscriptionId()));
    }
}

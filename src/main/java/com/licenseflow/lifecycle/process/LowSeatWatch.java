package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.LifecycleSettings;
import com.licenseflow.lifecycle.LowSeatAlerts;
import com.licenseflow.workflow.ProcessBean;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What seat-watch.bpmn asks: how often it runs, and whether this run found a product newly low on seats. */
@Component("lowSeatWatch")
@ProcessBean
public class LowSeatWatch {

    private final Duration every;
    private final LowSeatAlerts alerts;

    public LowSeatWatch(LifecycleSettings settings, LowSeatAlerts alerts) {
        this.every = settings.seatCheckEvery();
        this.alerts = alerts;
    }

    /** ISO 8601 repeating interval of the timer start event. */
    public String getCheckCycle() {
        return "R/" + every;
    }

    public boolean anyNewlyLow(DelegateExecution execution) {
        return !alerts.foundBy(execution.getProcessInstanceId()).isEmpty();
    }
}

package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.LowSeatAlerts;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Compares every product's free seats with its low-seat alert: a product newly below is marked as
 * this run's to announce (once per crossing, even with two nodes); one with enough seats again is armed.
 */
@Component("findProductsLowOnSeats")
@ProcessBean
class FindProductsLowOnSeatsDelegate implements JavaDelegate {

    private final LowSeatAlerts alerts;

    FindProductsLowOnSeatsDelegate(LowSeatAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.check(execution.getProcessInstanceId());
    }
}

package com.licenseflow.request.process;

import com.licenseflow.request.LicenseEnds;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The end date has come: the request's licenses still ending today or earlier are removed (seats
 * back, mailbox data kept 30 days); a license extended meanwhile is left alone.
 */
@Component("endLicenses")
@ProcessBean
class EndLicensesDelegate implements JavaDelegate {

    private final LicenseEnds ends;
    private final LicenseRequestOfInstance requests;

    EndLicensesDelegate(LicenseEnds ends, LicenseRequestOfInstance requests) {
        this.ends = ends;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ends.endDue(requests.of(execution).id(), execution.getProcessInstanceId());
    }
}

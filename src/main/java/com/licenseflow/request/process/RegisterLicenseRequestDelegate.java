package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.JUSTIFICATION;
import static com.licenseflow.request.process.RequestVariables.LICENSE_ENDS_ON;
import static com.licenseflow.request.process.RequestVariables.LICENSE_REQUEST_ID;
import static com.licenseflow.request.process.RequestVariables.REQUESTED_COLLEAGUES;
import static com.licenseflow.request.process.RequestVariables.REQUESTED_PRODUCT;
import static com.licenseflow.request.process.RequestVariables.REQUESTER_ID;

import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestIntake;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the request in the Requests list. Runs in the start transaction: when the domain refuses
 * (own request process, self-service available, unknown users...) the start fails with its
 * message and nothing is created. The requester is whoever started the process (Tasklist, the
 * API), as the engine authenticated them. What was asked for lives in the request from here on;
 * the start variables are only read here (the API passes them transient, so they are never stored).
 */
@Component("registerLicenseRequest")
@ProcessBean
class RegisterLicenseRequestDelegate implements JavaDelegate {

    private final LicenseRequestIntake intake;
    private final ProcessDecisions decisions;

    RegisterLicenseRequestDelegate(LicenseRequestIntake intake, ProcessDecisions decisions) {
        this.intake = intake;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requester = decisions.recordStart(execution, "request licenses", REQUESTER_ID);
        LicenseRequest request = intake.register(
                requester,
                FormValues.string(execution, REQUESTED_PRODUCT),
                FormValues.strings(execution, REQUESTED_COLLEAGUES),
                FormValues.string(execution, JUSTIFICATION),
                FormValues.string(execution, LICENSE_ENDS_ON),
                execution.getProcessInstanceId());
        execution.setProcessBusinessKey(request.id());
        // For Cockpit and for people reading the instance; the steps find the request by the instance.
        execution.setVariable(LICENSE_REQUEST_ID, request.id());
    }
}

package com.licenseflow.workflow.request;

import static com.licenseflow.workflow.request.RequestVariables.JUSTIFICATION;
import static com.licenseflow.workflow.request.RequestVariables.LICENSE_REQUEST_ID;
import static com.licenseflow.workflow.request.RequestVariables.REQUESTED_COLLEAGUES;
import static com.licenseflow.workflow.request.RequestVariables.REQUESTED_PRODUCT;
import static com.licenseflow.workflow.request.RequestVariables.REQUESTER_ID;

import com.licenseflow.domain.Rule;
import com.licenseflow.domain.request.LicenseRequest;
import com.licenseflow.domain.request.LicenseRequestIntake;
import com.licenseflow.workflow.FormValues;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the request in the Requests list. Runs in the start transaction: when the domain refuses
 * (own request process, self-service available, unknown users...) the start fails with its
 * message and nothing is created. What was asked for lives in the request from here on; the start
 * variables are only read here (the API passes them transient, so they are never stored).
 */
@Component("registerLicenseRequest")
public class RegisterLicenseRequestDelegate implements JavaDelegate {

    private final LicenseRequestIntake intake;
    private final IdentityService identity;

    public RegisterLicenseRequestDelegate(LicenseRequestIntake intake, IdentityService identity) {
        this.intake = intake;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The requester is whoever started the process (Tasklist, the API); a requesterId variable only
        // names one when the start is not in a user's name, and may never name somebody else.
        String named = FormValues.string(execution, REQUESTER_ID);
        Authentication starter = identity.getCurrentAuthentication();
        String requester = starter != null && starter.getUserId() != null ? starter.getUserId() : named;
        if (named != null && !named.equals(requester)) {
            throw Rule.INVALID_INPUT.violation("You can only request licenses in your own name (" + requester
                    + "); name others as colleagues.");
        }
        LicenseRequest request = intake.register(requester,
                FormValues.string(execution, REQUESTED_PRODUCT), FormValues.strings(execution, REQUESTED_COLLEAGUES),
                FormValues.string(execution, JUSTIFICATION), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(request.id());
        execution.setVariable(LICENSE_REQUEST_ID, request.id());
    }
}

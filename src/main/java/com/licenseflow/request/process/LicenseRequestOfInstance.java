package com.licenseflow.request.process;

import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestRepository;
import com.licenseflow.workflow.UntrustedProcessInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The license request a process instance decides, found by the instance itself - never by the
 * {@code licenseRequestId} variable, which someone with the engine's API could point at another
 * request.
 */
@Component
class LicenseRequestOfInstance {

    private final LicenseRequestRepository requests;

    public LicenseRequestOfInstance(LicenseRequestRepository requests) {
        this.requests = requests;
    }

    public LicenseRequest of(DelegateExecution execution) {
        return of(execution.getProcessInstanceId());
    }

    public LicenseRequest of(String processInstanceId) {
        return requests.findByProcessInstance(processInstanceId)
                .orElseThrow(() -> new UntrustedProcessInput("Process instance " + processInstanceId
                        + " carries no license request: it was not started by 'Register license request'."));
    }
}

package com.licenseflow.request.process;

import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestRepository;
import com.licenseflow.workflow.UntrustedProcessInput;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
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
    private final RuntimeService runtime;

    public LicenseRequestOfInstance(LicenseRequestRepository requests, RuntimeService runtime) {
        this.requests = requests;
        this.runtime = runtime;
    }

    public LicenseRequest of(DelegateExecution execution) {
        // A called instance asks its caller, in memory: while it starts, the database knows neither yet.
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        return requests.findByProcessInstance(execution.getProcessInstanceId())
                .or(() -> caller == null
                        ? Optional.empty()
                        : requests.findByProcessInstance(caller.getProcessInstanceId()))
                .orElseGet(() -> of(execution.getProcessInstanceId()));
    }

    /**
     * The request of a license-request instance, or of the license-request instance that called this one
     * (license-end.bpmn runs as its call activity).
     */
    public LicenseRequest of(String processInstanceId) {
        return requests.findByProcessInstance(processInstanceId)
                .or(() -> Optional.ofNullable(runtime.createProcessInstanceQuery()
                                .subProcessInstanceId(processInstanceId)
                                .singleResult())
                        .flatMap(caller -> requests.findByProcessInstance(caller.getId())))
                .orElseThrow(() -> new UntrustedProcessInput("Process instance " + processInstanceId
                        + " carries no license request: it was not started by 'Register license request'."));
    }
}

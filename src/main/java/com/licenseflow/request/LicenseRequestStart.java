package com.licenseflow.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * R1 from the API and from the console alike: starts license-request.bpmn in the name of the user the
 * engine sees as logged in. A refusal (own request process, self-service available, unknown users...)
 * is thrown and nothing is started.
 */
@Service
public class LicenseRequestStart {

    private final RuntimeService runtime;
    private final LicenseRequestRepository requests;

    public LicenseRequestStart(RuntimeService runtime, LicenseRequestRepository requests) {
        this.runtime = runtime;
        this.requests = requests;
    }

    /** {@code colleagues}: user ids or emails; {@code endsOn}: an ISO date or null. */
    public LicenseRequest start(String product, List<String> colleagues, String justification, String endsOn) {
        // Transient: the request keeps what was asked for; the process only needs it while registering it.
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestedProduct", Variables.stringValue(product, true));
        variables.put(
                "requestedColleagues",
                Variables.stringValue(colleagues == null ? "" : String.join(",", colleagues), true));
        variables.put("justification", Variables.stringValue(justification, true));
        variables.put("licenseEndsOn", Variables.stringValue(endsOn, true));
        ProcessInstance started = runtime.startProcessInstanceByKey(LicenseRequestProcess.KEY, variables);
        return requests.findByProcessInstance(started.getId()).orElseThrow();
    }
}

package com.licenseflow.request;

import com.licenseflow.workflow.EmployeeTasks;
import org.springframework.stereotype.Component;

/** processes/license-end.bpmn: a license's holders are asked about its end, their managers approve an extension. */
@Component
public class LicenseEndProcess implements EmployeeTasks {

    public static final String KEY = "license-end";

    @Override
    public String key() {
        return KEY;
    }
}

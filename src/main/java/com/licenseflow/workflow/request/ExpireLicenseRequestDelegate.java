package com.licenseflow.workflow.request;

import static com.licenseflow.workflow.request.RequestVariables.LICENSE_REQUEST_ID;

import com.licenseflow.domain.request.LicenseRequestReview;
import com.licenseflow.workflow.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Nobody decided within the retention period: the request expires. */
@Component("expireLicenseRequest")
public class ExpireLicenseRequestDelegate implements JavaDelegate {

    private final LicenseRequestReview review;

    public ExpireLicenseRequestDelegate(LicenseRequestReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.expire(FormValues.string(execution, LICENSE_REQUEST_ID));
    }
}

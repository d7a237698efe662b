package com.licenseflow.workflow.request;

import static com.licenseflow.workflow.request.RequestVariables.APPROVED_USER_IDS;
import static com.licenseflow.workflow.request.RequestVariables.APPROVED_USER_OPTIONS;
import static com.licenseflow.workflow.request.RequestVariables.KEPT_USER_IDS;
import static com.licenseflow.workflow.request.RequestVariables.LICENSE_REQUEST_ID;
import static com.licenseflow.workflow.request.RequestVariables.SUBSCRIPTION_OPTIONS;

import com.licenseflow.domain.request.LicenseRequest;
import com.licenseflow.domain.request.LicenseRequestRepository;
import com.licenseflow.domain.request.SeatShortage;
import com.licenseflow.workflow.FormValues;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Fills the seat-shortage form: the subscriptions that could serve, with their free seats, and the approved users. */
@Component("prepareSeatShortageForm")
public class PrepareSeatShortageFormListener implements TaskListener {

    private final LicenseRequestRepository requests;
    private final SeatShortage shortage;

    public PrepareSeatShortageFormListener(LicenseRequestRepository requests, SeatShortage shortage) {
        this.requests = requests;
        this.shortage = shortage;
    }

    @Override
    public void notify(DelegateTask task) {
        LicenseRequest request = requests.require((String) task.getVariable(LICENSE_REQUEST_ID));
        task.setVariable(SUBSCRIPTION_OPTIONS, FormValues.json(shortage.options(request.productId()).stream()
                .map(o -> FormValues.option(o.productName() + " - subscription " + o.subscription().id()
                        + ": " + o.subscription().availableSeats() + " of " + o.subscription().quantity() + " seats free",
                        String.valueOf(o.subscription().id())))
                .toList()));
        List<String> approved = FormValues.strings(task, APPROVED_USER_IDS);
        task.setVariable(APPROVED_USER_OPTIONS, FormValues.json(request.users().stream()
                .filter(u -> approved.contains(u.userId()))
                .map(u -> FormValues.option(u.displayName() + " <" + u.email() + ">", u.userId()))
                .toList()));
        task.setVariable(KEPT_USER_IDS, FormValues.json(approved));
    }
}

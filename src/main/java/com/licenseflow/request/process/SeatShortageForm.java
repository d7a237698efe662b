package com.licenseflow.request.process;

import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.SeatShortage;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the seat-shortage form shows, computed when Tasklist opens it: the subscriptions that could
 * serve with their free seats right now, and the approved users (all kept unless unticked).
 */
@Component("seatShortageForm")
@ProcessBean
public class SeatShortageForm {

    private final LicenseRequestOfInstance requests;
    private final SeatShortage shortage;

    public SeatShortageForm(LicenseRequestOfInstance requests, SeatShortage shortage) {
        this.requests = requests;
        this.shortage = shortage;
    }

    public List<Map<String, String>> subscriptionOptions(DelegateExecution execution) {
        return shortage.options(requests.of(execution).productId()).stream()
                .map(o -> FormValues.option(
                        o.productName() + ": " + o.subscription().seatsLabel(),
                        String.valueOf(o.subscription().id())))
                .toList();
    }

    /** The users the review approved (the approvedUserIds variable as the review left it). */
    public List<Map<String, String>> approvedUserOptions(DelegateExecution execution) {
        LicenseRequest request = requests.of(execution);
        List<String> ids = FormValues.strings(execution, RequestVariables.APPROVED_USER_IDS);
        return request.users().stream()
                .filter(u -> ids.contains(u.userId()))
                .map(u -> FormValues.option(u.displayName() + " <" + u.email() + ">", u.userId()))
                .toList();
    }

    public List<String> approved(DelegateExecution execution) {
        return FormValues.strings(execution, RequestVariables.APPROVED_USER_IDS);
    }
}

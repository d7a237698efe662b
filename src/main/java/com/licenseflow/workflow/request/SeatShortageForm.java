package com.licenseflow.workflow.request;

import com.licenseflow.domain.request.LicenseRequest;
import com.licenseflow.domain.request.LicenseRequestRepository;
import com.licenseflow.domain.request.SeatShortage;
import com.licenseflow.workflow.FormValues;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the seat-shortage form shows, computed when Tasklist opens it: the subscriptions that could
 * serve with their free seats right now, and the approved users (all kept unless unticked).
 */
@Component("seatShortageForm")
public class SeatShortageForm {

    private final LicenseRequestRepository requests;
    private final SeatShortage shortage;

    public SeatShortageForm(LicenseRequestRepository requests, SeatShortage shortage) {
        this.requests = requests;
        this.shortage = shortage;
    }

    public List<Map<String, String>> subscriptionOptions(String requestId) {
        return shortage.options(requests.require(requestId).productId()).stream()
                .map(o -> FormValues.option(o.productName() + " - subscription " + o.subscription().id() + ": "
                        + o.subscription().availableSeats() + " of " + o.subscription().quantity() + " seats free",
                        String.valueOf(o.subscription().id())))
                .toList();
    }

    /** @param approved the approvedUserIds variable as the review left it */
    public List<Map<String, String>> approvedUserOptions(String requestId, Object approved) {
        LicenseRequest request = requests.require(requestId);
        List<String> ids = FormValues.strings(approved);
        return request.users().stream().filter(u -> ids.contains(u.userId()))
                .map(u -> FormValues.option(u.displayName() + " <" + u.email() + ">", u.userId())).toList();
    }

    public List<String> approved(Object approved) {
        return FormValues.strings(approved);
    }
}

package com.licenseflow.request.process;

import com.licenseflow.inventory.catalog.ServicePlan;
import com.licenseflow.request.ConflictWarning;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestReview;
import com.licenseflow.request.RequestedUser;
import com.licenseflow.request.ServingProduct;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.forms.FormText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the review form shows, computed when Tasklist opens it (the {@code camunda:formData}
 * default values of "Review license request"): the requested users, all ticked (R6); the products
 * that can serve the request with the seats free right now (R7); the services, all on (R8).
 */
@Component("licenseRequestReviewForm")
@ProcessBean
public class LicenseRequestReviewForm {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final LicenseRequestOfInstance requests;
    private final LicenseRequestReview review;

    public LicenseRequestReviewForm(LicenseRequestOfInstance requests, LicenseRequestReview review) {
        this.requests = requests;
        this.review = review;
    }

    public String summary(DelegateExecution execution) {
        LicenseRequest request = requests.of(execution);
        return FormText.plain(request.requesterName() + " asked on "
                + DATE.format(request.requestedAt().atZone(ZoneId.systemDefault())) + " for " + request.productName()
                + " for " + Words.count(request.users().size(), "user", "users") + ".");
    }

    /** What the requester wrote, shown in a read-only text box: as typed, never as a link or markup. */
    public String justification(DelegateExecution execution) {
        String justification = requests.of(execution).justification();
        return justification == null || justification.isBlank() ? "(none given)" : justification;
    }

    /** Conflicts with licenses the users hold; the form shows those of the users ticked and services left on. */
    public List<ConflictWarning> serviceConflicts(DelegateExecution execution) {
        return review.conflictWarnings(requests.of(execution));
    }

    public List<Map<String, String>> userOptions(DelegateExecution execution) {
        return requests.of(execution).users().stream()
                .map(u -> FormValues.option(u.displayName() + " <" + u.email() + ">", u.userId()))
                .toList();
    }

    public List<String> everyone(DelegateExecution execution) {
        return requests.of(execution).users().stream()
                .map(RequestedUser::userId)
                .toList();
    }

    public String requestedProduct(DelegateExecution execution) {
        return requests.of(execution).productId();
    }

    public List<Map<String, String>> productOptions(DelegateExecution execution) {
        return review.servingProducts(requests.of(execution).productId()).stream()
                .map(s -> FormValues.option(
                        s.product().name() + " - " + s.availableSeats() + " seats available",
                        s.product().id()))
                .toList();
    }

    /** Every service of the products that can serve, marked when only some of them have it. */
    public List<Map<String, String>> planOptions(DelegateExecution execution) {
        List<ServingProduct> serving =
                review.servingProducts(requests.of(execution).productId());
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> productsByPlan = new LinkedHashMap<>();
        for (ServingProduct s : serving) {
            for (ServicePlan plan : s.product().servicePlans()) {
                names.putIfAbsent(plan.id(), plan.name());
                productsByPlan
                        .computeIfAbsent(plan.id(), k -> new ArrayList<>())
                        .add(s.product().name());
            }
        }
        return names.entrySet().stream()
                .map(e -> FormValues.option(
                        e.getValue()
                                + (productsByPlan.get(e.getKey()).size() == serving.size()
                                        ? ""
                                        : " (only in " + String.join(", ", productsByPlan.get(e.getKey())) + ")"),
                        e.getKey()))
                .toList();
    }

    public List<String> allPlans(DelegateExecution execution) {
        List<String> plans = new ArrayList<>();
        review.servingProducts(requests.of(execution).productId())
                .forEach(s -> s.product().servicePlans().stream()
                        .map(ServicePlan::id)
                        .filter(id -> !plans.contains(id))
                        .forEach(plans::add));
        return plans;
    }
}

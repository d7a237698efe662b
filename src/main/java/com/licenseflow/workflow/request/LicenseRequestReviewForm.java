package com.licenseflow.workflow.request;

import com.licenseflow.domain.catalog.ServicePlan;
import com.licenseflow.domain.request.LicenseRequest;
import com.licenseflow.domain.request.LicenseRequestRepository;
import com.licenseflow.domain.request.LicenseRequestReview;
import com.licenseflow.domain.request.RequestedUser;
import com.licenseflow.domain.request.ServingProduct;
import com.licenseflow.workflow.FormValues;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the review form shows, computed when Tasklist opens it (the {@code camunda:formData}
 * default values of "Review license request"): the requested users, all ticked (R6); the products
 * that can serve the request with the seats free right now (R7); the services, all on (R8).
 */
@Component("licenseRequestReviewForm")
public class LicenseRequestReviewForm {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final LicenseRequestRepository requests;
    private final LicenseRequestReview review;

    public LicenseRequestReviewForm(LicenseRequestRepository requests, LicenseRequestReview review) {
        this.requests = requests;
        this.review = review;
    }

    public String summary(String requestId) {
        LicenseRequest request = requests.require(requestId);
        return request.requesterName() + " (" + request.requesterId() + ") asked on "
                + DATE.format(request.requestedAt().atZone(ZoneId.systemDefault())) + " for " + request.productName()
                + " for " + request.users().size() + (request.users().size() == 1 ? " user" : " users") + ". "
                + "Justification: " + (request.justification() == null ? "(none given)" : request.justification());
    }

    public List<Map<String, String>> userOptions(String requestId) {
        return requests.require(requestId).users().stream()
                .map(u -> FormValues.option(u.displayName() + " <" + u.email() + ">", u.userId())).toList();
    }

    public List<String> everyone(String requestId) {
        return requests.require(requestId).users().stream().map(RequestedUser::userId).toList();
    }

    public String requestedProduct(String requestId) {
        return requests.require(requestId).productId();
    }

    public List<Map<String, String>> productOptions(String requestId) {
        return review.servingProducts(requests.require(requestId).productId()).stream()
                .map(s -> FormValues.option(s.product().name() + " - " + s.availableSeats() + " seats available",
                        s.product().id()))
                .toList();
    }

    /** Every service of the products that can serve, marked when only some of them have it. */
    public List<Map<String, String>> planOptions(String requestId) {
        List<ServingProduct> serving = review.servingProducts(requests.require(requestId).productId());
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> productsByPlan = new LinkedHashMap<>();
        for (ServingProduct s : serving) {
            for (ServicePlan plan : s.product().servicePlans()) {
                names.putIfAbsent(plan.id(), plan.name());
                productsByPlan.computeIfAbsent(plan.id(), k -> new ArrayList<>()).add(s.product().name());
            }
        }
        return names.entrySet().stream()
                .map(e -> FormValues.option(e.getValue() + (productsByPlan.get(e.getKey()).size() == serving.size() ? ""
                        : " (only in " + String.join(", ", productsByPlan.get(e.getKey())) + ")"), e.getKey()))
                .toList();
    }

    public List<String> allPlans(String requestId) {
        List<String> plans = new ArrayList<>();
        review.servingProducts(requests.require(requestId).productId()).forEach(s -> s.product().servicePlans()
                .stream().map(ServicePlan::id).filter(id -> !plans.contains(id)).forEach(plans::add));
        return plans;
    }
}

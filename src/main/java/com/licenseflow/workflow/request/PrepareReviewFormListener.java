package com.licenseflow.workflow.request;

import static com.licenseflow.workflow.request.RequestVariables.APPROVED_USER_IDS;
import static com.licenseflow.workflow.request.RequestVariables.ASSIGNED_PRODUCT_ID;
import static com.licenseflow.workflow.request.RequestVariables.ENABLED_SERVICE_PLANS;
import static com.licenseflow.workflow.request.RequestVariables.LICENSE_REQUEST_ID;
import static com.licenseflow.workflow.request.RequestVariables.PRODUCT_OPTIONS;
import static com.licenseflow.workflow.request.RequestVariables.REQUESTED_USER_OPTIONS;
import static com.licenseflow.workflow.request.RequestVariables.REVIEW_SUMMARY;
import static com.licenseflow.workflow.request.RequestVariables.SERVICE_PLAN_OPTIONS;

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
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Fills the review form when the task is created: the requested users (all ticked, R6), the
 * products that can serve the request with their free seats (R7), the services (all on, R8).
 */
@Component("prepareReviewForm")
public class PrepareReviewFormListener implements TaskListener {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final LicenseRequestRepository requests;
    private final LicenseRequestReview review;

    public PrepareReviewFormListener(LicenseRequestRepository requests, LicenseRequestReview review) {
        this.requests = requests;
        this.review = review;
    }

    @Override
    public void notify(DelegateTask task) {
        LicenseRequest request = requests.require((String) task.getVariable(LICENSE_REQUEST_ID));
        List<ServingProduct> serving = review.servingProducts(request.productId());

        task.setVariable(REVIEW_SUMMARY, request.requesterName() + " (" + request.requesterId() + ") asked on "
                + DATE.format(request.requestedAt().atZone(ZoneId.systemDefault())) + " for " + request.productName()
                + " for " + request.users().size() + (request.users().size() == 1 ? " user" : " users") + ". "
                + "Justification: " + (request.justification() == null ? "(none given)" : request.justification()));
        task.setVariable(REQUESTED_USER_OPTIONS, FormValues.json(request.users().stream()
                .map(u -> FormValues.option(u.displayName() + " <" + u.email() + ">", u.userId())).toList()));
        task.setVariable(APPROVED_USER_IDS, FormValues.json(request.users().stream().map(RequestedUser::userId).toList()));
        task.setVariable(PRODUCT_OPTIONS, FormValues.json(serving.stream()
                .map(s -> FormValues.option(s.product().name() + " - " + s.availableSeats() + " seats available", s.product().id()))
                .toList()));
        task.setVariable(ASSIGNED_PRODUCT_ID, request.productId());

        Map<String, List<String>> productsByPlan = new LinkedHashMap<>();
        Map<String, String> planNames = new LinkedHashMap<>();
        for (ServingProduct s : serving) {
            for (ServicePlan plan : s.product().servicePlans()) {
                planNames.putIfAbsent(plan.id(), plan.name());
                productsByPlan.computeIfAbsent(plan.id(), k -> new ArrayList<>()).add(s.product().name());
            }
        }
        List<Map<String, String>> planOptions = planNames.entrySet().stream()
                .map(e -> FormValues.option(e.getValue() + (productsByPlan.get(e.getKey()).size() == serving.size() ? ""
                        : " (only in " + String.join(", ", productsByPlan.get(e.getKey())) + ")"), e.getKey()))
                .collect(Collectors.toList());
        task.setVariable(SERVICE_PLAN_OPTIONS, FormValues.json(planOptions));
        task.setVariable(ENABLED_SERVICE_PLANS, FormValues.json(List.copyOf(planNames.keySet())));
    }
}

package com.licenseflow.inventory.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.licenseflow.inventory.overview.SubscriptionDetails;
import com.licenseflow.inventory.subscription.Subscription;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record SubscriptionJson(
        long id,
        String productId,
        String productName,
        String kind,
        UserJson purchaser,
        int quantity,
        int assigned,
        int available,
        String status,
        boolean trial,
        LocalDate termStart,
        LocalDate expiresOn,
        BigDecimal pricePerSeatPerMonth,
        boolean recurringBilling,
        LocalDate cancellationWindowEndsOn,
        String cancellationReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LicenseeJson> assignedUsers) {

    public static SubscriptionJson of(SubscriptionDetails d) {
        Subscription s = d.subscription();
        return new SubscriptionJson(
                s.id(),
                s.productId(),
                d.productName(),
                s.kind().name(),
                UserJson.of(d.purchaser()),
                s.quantity(),
                s.assignedSeats(),
                s.availableSeats(),
                s.status().name(),
                s.trial(),
                s.termStart(),
                s.expiresOn(),
                s.pricePerSeat(),
                s.recurringBilling(),
                s.cancellationWindowEndsOn(),
                s.cancellationReason(),
                d.users() == null
                        ? null
                        : d.users().stream().map(LicenseeJson::of).toList());
    }
}

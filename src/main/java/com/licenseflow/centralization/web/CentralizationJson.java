package com.licenseflow.centralization.web;

import com.licenseflow.centralization.CampaignSubscription;
import com.licenseflow.centralization.Centralization;
import com.licenseflow.centralization.CentralizationProgress;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A centralization campaign with its progress, for GET /api/centralizations/{id}. */
record CentralizationJson(
        long id,
        String productId,
        String productName,
        String status,
        String startedBy,
        Instant startedAt,
        String processInstanceId,
        Long centralSubscriptionId,
        int seatsReserved,
        int seatsBought,
        int usersFound,
        int usersCentralized,
        int usersAlreadyCentral,
        int usersNoLongerLicensed,
        int subscriptionsTotal,
        int subscriptionsCancelled,
        String progress,
        BigDecimal selfServiceYearlyCost,
        BigDecimal centralYearlyCost,
        BigDecimal yearlySavings,
        String finishedBy,
        Instant finishedAt,
        List<Purchase> subscriptions) {

    /** One self-service subscription of the campaign. */
    public record Purchase(
            long subscriptionId,
            String purchaserId,
            String status,
            int usersFound,
            BigDecimal yearlyCost,
            Instant askedAt,
            Instant deadline,
            int reminders,
            String outcome) {}

    public static CentralizationJson of(
            Centralization c, String productName, CentralizationProgress p, List<CampaignSubscription> subscriptions) {
        return new CentralizationJson(
                c.id(),
                c.productId(),
                productName,
                c.status().name(),
                c.startedBy(),
                c.startedAt(),
                c.processInstanceId(),
                c.centralSubscriptionId(),
                c.seatsReserved(),
                c.seatsBought(),
                p.usersFound(),
                p.usersCentralized(),
                p.usersAlreadyCentral(),
                p.usersNoLongerLicensed(),
                p.subscriptionsTotal(),
                p.subscriptionsCancelled(),
                p.text(),
                p.selfServiceYearlyCost(),
                p.centralYearlyCost(),
                p.yearlySavings(),
                c.finishedBy(),
                c.finishedAt(),
                subscriptions.stream()
                        .map(s -> new Purchase(
                                s.subscriptionId(),
                                s.purchaserId(),
                                s.status().name(),
                                s.usersFound(),
                                s.yearlyCost(),
                                s.askedAt(),
                                s.deadline(),
                                s.reminders(),
                                s.outcome() == null ? null : s.outcome().name()))
                        .toList());
    }
}

package com.licenseflow.centralization;

import com.licenseflow.inventory.catalog.Product;
import java.math.BigDecimal;
import java.util.List;

/**
 * What "Plan centralization" shows: the purchases still to centralize, their purchasers and users,
 * the seats needed, the central subscriptions the licenses can come from, and what the purchases
 * cost a year against the central price.
 */
public record CentralizationPlan(
        Centralization centralization,
        Product product,
        List<CampaignSubscription> purchases,
        int usersFound,
        int seatsNeeded,
        List<CentralOption> centralOptions,
        BigDecimal selfServiceYearlyCost) {

    /** The cheapest option that has enough seats, else the one with the most free seats; null without any. */
    public CentralOption suggested() {
        return centralOptions.stream()
                .filter(o -> o.seatsMissing() == 0)
                .min(java.util.Comparator.comparing(o -> o.subscription().pricePerSeat()))
                .orElse(centralOptions.stream()
                        .max(java.util.Comparator.comparingInt(
                                o -> o.subscription().availableSeats()))
                        .orElse(null));
    }
}

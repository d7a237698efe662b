package com.licenseflow.inventory.subscription;

import com.licenseflow.shared.Words;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A purchase of seats of one product. Prices are per seat per month. */
public record Subscription(
        long id,
        String productId,
        SubscriptionKind kind,
        String purchaserId,
        int quantity,
        int assignedSeats,
        SubscriptionStatus status,
        boolean trial,
        LocalDate termStart,
        LocalDate expiresOn,
        BigDecimal pricePerSeat,
        boolean recurringBilling,
        int cancellationWindowDays,
        String cancellationReason) {

    /** How people tell one subscription of a product from another: "3 of 8 seats free, renews on 22 Oct 2027". */
    public String seatsLabel() {
        return availableSeats() + " of " + Words.count(quantity, "seat", "seats") + " free, "
                + (recurringBilling ? "renews" : "ends") + " on " + Words.day(expiresOn);
    }

    public int availableSeats() {
        return quantity - assignedSeats;
    }

    public boolean isSelfService() {
        return kind == SubscriptionKind.SELF_SERVICE;
    }

    /** A10: the last day the subscription can be cancelled with immediate effect. */
    public LocalDate cancellationWindowEndsOn() {
        return termStart.plusDays(cancellationWindowDays);
    }

    public BigDecimal yearlyCost() {
        return pricePerSeat.multiply(BigDecimal.valueOf(12L * quantity));
    }
}

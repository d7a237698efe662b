package com.licenseflow.centralization;

import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Words;
import java.math.BigDecimal;

/** A central subscription of the campaign's product the licenses can come from, and what the users would cost on it. */
public record CentralOption(Subscription subscription, int seatsNeeded) {

    public int seatsMissing() {
        return Math.max(0, seatsNeeded - subscription.availableSeats());
    }

    /** The users the campaign centralizes, a year on this subscription's price. */
    public BigDecimal yearlyCost() {
        return subscription.pricePerSeat().multiply(BigDecimal.valueOf(12L * seatsNeeded));
    }

    public String label(Money money) {
        Subscription s = subscription;
        return s.seatsLabel() + ", " + money.of(s.pricePerSeat()) + " per seat per month"
                + (seatsMissing() > 0 ? " (" + Words.count(seatsMissing(), "seat", "seats") + " short)" : "");
    }
}

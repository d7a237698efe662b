package com.licenseflow.domain.subscription;

import com.licenseflow.domain.Rule;
import com.licenseflow.domain.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Hands out seats from a product's subscriptions and takes them back. A seat is only ever taken by
 * the conditional update in {@link SubscriptionRepository#takeSeats}, so the count never passes the
 * quantity whoever else is assigning at the same moment. Callers run inside a (nested) transaction:
 * when the seats run out half way, the refusal rolls back the seats already taken.
 */
@Component
public class SeatLedger {

    private static final int MAX_ATTEMPTS_PER_SUBSCRIPTION = 50;

    private final SubscriptionRepository subscriptions;

    public SeatLedger(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** One subscription id per seat taken, in the order of {@code from}. */
    public List<Long> take(Product product, List<Subscription> from, int needed) {
        requireAvailable(product, from, needed);
        List<Long> seats = new ArrayList<>(needed);
        int remaining = needed;
        for (Subscription candidate : from) {
            // The first try trusts the caller's fresh read; a failed update means another caller changed
            // the row since, so read it again.
            Subscription current = candidate;
            for (int attempt = 0; remaining > 0 && attempt < MAX_ATTEMPTS_PER_SUBSCRIPTION; attempt++) {
                if (attempt > 0) {
                    current = subscriptions.require(candidate.id());
                }
                int take = Math.min(remaining, current.availableSeats());
                if (take <= 0 || !current.status().providesLicenses()) {
                    break;
                }
                if (subscriptions.takeSeats(candidate.id(), take)) {
                    remaining -= take;
                    for (int i = 0; i < take; i++) {
                        seats.add(candidate.id());
                    }
                }
            }
        }
        if (remaining > 0) {
            // Someone else took the seats between our count and our update.
            throw notEnough(product, needed, needed - remaining);
        }
        return seats;
    }

    public void giveBack(long subscriptionId, int seats) {
        subscriptions.returnSeats(subscriptionId, seats);
    }

    /** Refuses, saying how many are missing and what to do, when {@code from} has fewer than {@code needed} free seats. */
    public void requireAvailable(Product product, List<Subscription> from, int needed) {
        int available = from.stream().mapToInt(Subscription::availableSeats).sum();
        if (available < needed) {
            throw notEnough(product, needed, available);
        }
    }

    private static RuntimeException notEnough(Product product, int needed, int available) {
        return Rule.NOT_ENOUGH_SEATS.violation("Not enough licenses for " + product.name() + ": " + needed
                + (needed == 1 ? " user needs one" : " users need one") + " but only " + available
                + (available == 1 ? " is" : " are") + " available. Buy more licenses (add seats to a subscription), "
                + "unassign licenses from users who no longer need them, or assign to fewer users.");
    }
}

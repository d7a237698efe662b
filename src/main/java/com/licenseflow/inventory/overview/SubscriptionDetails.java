package com.licenseflow.inventory.overview;

import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.Subscription;
import java.util.List;

/** S1: a subscription with its product, purchaser (self-service only) and the users it licenses. */
public record SubscriptionDetails(
        Subscription subscription, String productName, DirectoryUser purchaser, List<Licensee> users) {

    public SubscriptionDetails withUsers(List<Licensee> shown) {
        return new SubscriptionDetails(subscription, productName, purchaser, shown);
    }
}

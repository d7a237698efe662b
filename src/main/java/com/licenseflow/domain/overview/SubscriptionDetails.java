package com.licenseflow.domain.overview;

import com.licenseflow.domain.directory.DirectoryUser;
import com.licenseflow.domain.subscription.Subscription;
import java.util.List;

/** S1: a subscription with its product, purchaser (self-service only) and the users it licenses. */
public record SubscriptionDetails(Subscription subscription, String productName, DirectoryUser purchaser,
                                  List<Licensee> users) {
}

package com.licenseflow.domain.selfservice;

import com.licenseflow.domain.directory.DirectoryUser;
import com.licenseflow.domain.overview.Licensee;
import com.licenseflow.domain.subscription.Subscription;
import java.util.List;

/** S2: one purchaser's self-service subscriptions of a product and the users they license. */
public record PurchaserGroup(DirectoryUser purchaser, List<Subscription> subscriptions, List<Licensee> users) {
}

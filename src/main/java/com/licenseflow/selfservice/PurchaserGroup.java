package com.licenseflow.selfservice;

import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.overview.Licensee;
import com.licenseflow.inventory.subscription.Subscription;
import java.util.List;

/** S2: one purchaser's self-service subscriptions of a product and the users they license. */
public record PurchaserGroup(DirectoryUser purchaser, List<Subscription> subscriptions, List<Licensee> users) {}

package com.licenseflow.takeover;

import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.Subscription;
import java.util.List;

/**
 * What a takeover is about, as forms and emails show it: the subscription, its product, its
 * purchaser, how many users it licenses and the first few of them (never the whole list: a
 * subscription can have thousands).
 */
public record TakeoverSubject(
        Takeover takeover,
        Subscription subscription,
        String productName,
        DirectoryUser purchaser,
        int licensedUsers,
        List<String> firstUsers) {}

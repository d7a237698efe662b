package com.licenseflow.selfservice;

/**
 * Published, inside the cancelling transaction, when a purchaser has cancelled their self-service
 * subscription: whoever waits for that (a centralization) learns of exactly the cancellations that commit.
 */
public record SelfServiceSubscriptionCancelled(long subscriptionId) {}

package com.licenseflow.lifecycle;

/**
 * processes/subscription-renewal.bpmn, one per subscription term, opened by "Watch renewals"
 * (processes/renewal-watch.bpmn); never started by a person.
 */
public final class SubscriptionRenewalProcess {

    public static final String KEY = "subscription-renewal";
    public static final String WATCH_KEY = "renewal-watch";

    private SubscriptionRenewalProcess() {}
}

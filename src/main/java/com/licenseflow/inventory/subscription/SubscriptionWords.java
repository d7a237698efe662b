package com.licenseflow.inventory.subscription;

import com.licenseflow.shared.Words;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How audit rows, emails and tasks name a subscription to people, never by its number: "Power BI Pro bought by
 * Emma de Vries on 3 Nov 2026", "the organisation's Business Standard subscription from 1 Jan 2026".
 */
@Component
public class SubscriptionWords {

    private final JdbcClient jdbc;
    private final SubscriptionRepository subscriptions;

    public SubscriptionWords(JdbcClient jdbc, SubscriptionRepository subscriptions) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
    }

    public String of(Subscription subscription) {
        String product = jdbc.sql("select name from product where id = ?")
                .param(subscription.productId())
                .query(String.class)
                .optional()
                .orElse(subscription.productId());
        if (!subscription.isSelfService()) {
            return "the organisation's " + product + " subscription from " + Words.day(subscription.termStart());
        }
        String purchaser = jdbc.sql("select display_name from directory_user where id = ?")
                .param(subscription.purchaserId())
                .query(String.class)
                .optional()
                .orElse(subscription.purchaserId());
        return product + " bought by " + purchaser + " on " + Words.day(subscription.termStart());
    }

    public String of(long subscriptionId) {
        return subscriptions.find(subscriptionId).map(this::of).orElse("a subscription no longer known");
    }
}

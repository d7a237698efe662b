package com.licenseflow.web;

import com.licenseflow.domain.Rule;
import com.licenseflow.domain.subscription.SubscriptionKind;
import java.util.Locale;

/** Query parameters as people type them in URLs. */
final class QueryParams {

    private QueryParams() {
    }

    /** "central", "self-service" (or SELF_SERVICE); null or blank means no filter. */
    static SubscriptionKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SubscriptionKind kind : SubscriptionKind.values()) {
            if (kind.name().equals(normalized)) {
                return kind;
            }
        }
        throw Rule.INVALID_INPUT.violation("'" + text + "' is not a subscription kind; use central or self-service.");
    }
}

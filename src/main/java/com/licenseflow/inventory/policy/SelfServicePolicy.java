package com.licenseflow.inventory.policy;

import com.licenseflow.shared.Rule;
import java.util.Arrays;
import java.util.stream.Collectors;

/** S3: the AllowSelfServicePurchase values, named as the MSCommerce module names them. */
public enum SelfServicePolicy {
    ENABLED("Enabled"),
    ONLY_TRIALS_WITHOUT_PAYMENT_METHOD("OnlyTrialsWithoutPaymentMethod"),
    DISABLED("Disabled");

    /** New products start here, as in the admin center. */
    public static final SelfServicePolicy DEFAULT = ENABLED;

    private final String value;

    SelfServicePolicy(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** What it means, as the audit trail says it. */
    public String words() {
        return switch (this) {
            case ENABLED -> "users may buy it";
            case ONLY_TRIALS_WITHOUT_PAYMENT_METHOD -> "users may only start trials without a payment method";
            case DISABLED -> "users may not buy it";
        };
    }

    /** Accepts the admin-center spelling ("OnlyTrialsWithoutPaymentMethod") or the constant name. */
    public static SelfServicePolicy parse(String text) {
        return Arrays.stream(values())
                .filter(p -> p.value.equalsIgnoreCase(text == null ? "" : text.trim())
                        || p.name().equalsIgnoreCase(text == null ? "" : text.trim()))
                .findFirst()
                .orElseThrow(() -> Rule.INVALID_INPUT.violation("'" + text
                        + "' is not a self-service purchase policy; use one of "
                        + Arrays.stream(values()).map(SelfServicePolicy::value).collect(Collectors.joining(", "))
                        + "."));
    }
}

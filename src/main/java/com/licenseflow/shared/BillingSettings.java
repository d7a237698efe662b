package com.licenseflow.shared;

import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.billing.*} (defaults in application.yml).
 *
 * @param currency the currency the organisation is billed in (ISO 4217, e.g. EUR, USD, GBP): every price shown
 *     carries it
 */
@ConfigurationProperties("licenseflow.billing")
public record BillingSettings(Currency currency) {

    public BillingSettings {
        if (currency == null) {
            throw new IllegalArgumentException("licenseflow.billing.currency must name a currency, such as EUR");
        }
    }
}

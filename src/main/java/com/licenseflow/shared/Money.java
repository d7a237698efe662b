package com.licenseflow.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Amounts as people read them, in the organisation's billing currency ({@code licenseflow.billing.currency}):
 * "€14.00", "€1,680.00". Prices are kept as plain numbers; the currency is said wherever one is shown.
 */
@Component
public class Money {

    private final Currency currency;

    public Money(BillingSettings settings) {
        this.currency = settings.currency();
    }

    public String of(BigDecimal amount) {
        // A NumberFormat is not thread-safe: one per call (pages and jobs format in parallel).
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(amount == null ? BigDecimal.ZERO : amount);
    }

    public Currency currency() {
        return currency;
    }
}

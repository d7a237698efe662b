package com.licenseflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** A price is read with its currency, in that currency's own number of decimals. */
class MoneyTest {

    private static Money in(String currency) {
        return new Money(new BillingSettings(Currency.getInstance(currency)));
    }

    @Test
    void amountsCarryTheOrganisationsCurrency() {
        assertThat(in("EUR").of(new BigDecimal("1680"))).isEqualTo("€1,680.00");
        assertThat(in("GBP").of(new BigDecimal("14.5"))).isEqualTo("£14.50");
        assertThat(in("USD").of(new BigDecimal("14.00"))).isEqualTo("US$14.00");
        assertThat(in("JPY").of(new BigDecimal("1680"))).isEqualTo("JP¥1,680");
        assertThat(in("EUR").of(null)).isEqualTo("€0.00");
    }

    @Test
    void aMissingCurrencyIsRefusedAtStartInWords() {
        assertThatThrownBy(() -> new BillingSettings(null)).hasMessageContaining("licenseflow.billing.currency");
    }
}

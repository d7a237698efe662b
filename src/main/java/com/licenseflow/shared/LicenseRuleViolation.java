package com.licenseflow.shared;

/**
 * A request the inventory refuses. The message says what is wrong and how to put it right (A5), and
 * it is thrown before anything is changed or inside the transaction that is then rolled back, so a
 * refusal never leaves a partial change behind.
 */
public class LicenseRuleViolation extends RuntimeException {

    private final Rule rule;

    public LicenseRuleViolation(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}

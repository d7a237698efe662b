package com.licenseflow.request;

/** What the request decided for one of its users (R6: left-out users are denied). */
public enum UserOutcome {
    PENDING,
    APPROVED,
    DENIED,
    EXPIRED
}

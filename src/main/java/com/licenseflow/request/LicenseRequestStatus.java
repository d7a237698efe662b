package com.licenseflow.request;

/** R2: a request is pending until decided (or expired); everything else is completed. */
public enum LicenseRequestStatus {
    PENDING,
    APPROVED,
    PARTLY_APPROVED,
    DENIED,
    EXPIRED;

    public boolean isCompleted() {
        return this != PENDING;
    }
}

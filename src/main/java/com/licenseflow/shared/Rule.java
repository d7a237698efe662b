package com.licenseflow.shared;

/** Every rule the inventory can refuse a request by, with the kind of refusal it is. */
public enum Rule {
    ADMIN_ROLE_REQUIRED(Refusal.FORBIDDEN),
    GUEST_NEEDS_GLOBAL_ADMIN(Refusal.FORBIDDEN),
    SELF_SERVICE_SUBSCRIPTION_NOT_MANAGEABLE(Refusal.FORBIDDEN),
    SELF_SERVICE_PURCHASE_NOT_ALLOWED(Refusal.FORBIDDEN),

    UNKNOWN_USER(Refusal.NOT_FOUND),
    UNKNOWN_PRODUCT(Refusal.NOT_FOUND),
    UNKNOWN_SUBSCRIPTION(Refusal.NOT_FOUND),
    UNKNOWN_TAKEOVER(Refusal.NOT_FOUND),
    UNKNOWN_NOTIFICATION(Refusal.NOT_FOUND),
    DEV_MAILBOX_UNAVAILABLE(Refusal.NOT_FOUND),

    INVALID_INPUT(Refusal.INVALID),
    TOO_MANY_USERS(Refusal.INVALID),
    DUPLICATE_USER(Refusal.INVALID),
    UNKNOWN_SERVICE_PLAN(Refusal.INVALID),
    INVALID_CATALOG_FILE(Refusal.INVALID),

    NOT_ENOUGH_SEATS(Refusal.CONFLICT),
    CONFLICTING_SERVICE_PLANS(Refusal.CONFLICT),
    ALREADY_LICENSED(Refusal.CONFLICT),
    NOT_LICENSED(Refusal.CONFLICT),
    SUBSCRIPTION_NOT_USABLE(Refusal.CONFLICT),
    NO_USAGE_LOCATION(Refusal.CONFLICT),
    NOT_IN_MICROSOFT_365(Refusal.CONFLICT),

    NOT_IN_DIRECTORY(Refusal.FORBIDDEN),

    OWN_REQUEST_PROCESS(Refusal.CONFLICT),
    SELF_SERVICE_AVAILABLE(Refusal.CONFLICT),
    DUPLICATE_REQUEST(Refusal.CONFLICT),
    UNKNOWN_LICENSE_REQUEST(Refusal.NOT_FOUND),
    REQUEST_NOT_PENDING(Refusal.CONFLICT),
    FOUR_EYES(Refusal.FORBIDDEN),
    NOT_THE_APPROVER(Refusal.FORBIDDEN),

    SUBSCRIPTION_NOT_SELF_SERVICE(Refusal.CONFLICT),
    TAKEOVER_RUNNING(Refusal.CONFLICT),

    NOT_THE_PURCHASER(Refusal.FORBIDDEN),
    NO_SELF_SERVICE_PURCHASES(Refusal.CONFLICT),
    CENTRALIZATION_RUNNING(Refusal.CONFLICT),
    UNKNOWN_CENTRALIZATION(Refusal.NOT_FOUND),
    UNKNOWN_RECLAIM_RUN(Refusal.NOT_FOUND);

    /** How a caller should read the refusal, and the HTTP status that says so at every door. */
    public enum Refusal {
        FORBIDDEN(403),
        NOT_FOUND(404),
        INVALID(422),
        CONFLICT(409);

        private final int httpStatus;

        Refusal(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Refusal refusal;

    Rule(Refusal refusal) {
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    public LicenseRuleViolation violation(String message) {
        return new LicenseRuleViolation(this, message);
    }
}

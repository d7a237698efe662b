package com.licenseflow.centralization.process;

/**
 * The process variables of license-centralization.bpmn. Form field keys in forms/*.form use these
 * same names; a test checks that they match. The variables of one purchase's branch ("Ask each
 * purchaser to cancel") are local to that branch.
 */
public final class CentralizationVariables {

    // inputs: start form or API
    /** The product to centralize: its id or name. */
    public static final String PRODUCT = "product";
    /**
     * Never name the admin: the campaign acts for whoever starts it and then for whoever completes
     * its tasks. A start that names anyone else in these is refused.
     */
    public static final String CENTRALIZATION_STARTED_BY = "centralizationStartedBy";

    public static final String CENTRALIZATION_ADMIN_ID = "centralizationAdminId";
    public static final String CHUNK_SIZE = "centralizationChunkSize";
    // set when started
    public static final String CENTRALIZATION_ID = "centralizationId";
    public static final String PRODUCT_ID = "productId";
    public static final String PRODUCT_NAME = "productName";
    // "Plan centralization"
    public static final String PLAN_SUMMARY = "planSummary";
    public static final String SEAT_SUMMARY = "seatSummary";
    public static final String SAVINGS_SUMMARY = "savingsSummary";
    public static final String CENTRAL_SUBSCRIPTION_OPTIONS = "centralSubscriptionOptions";
    public static final String PLAN_DECISION = "planDecision";
    public static final String CENTRAL_SUBSCRIPTION_ID = "centralSubscriptionId";
    public static final String SEATS_TO_BUY = "seatsToBuy";
    // progress, visible in Cockpit
    public static final String USERS_FOUND = "usersFound";
    public static final String USERS_CENTRALIZED = "usersCentralized";
    public static final String MORE_USERS_TO_CENTRALIZE = "moreUsersToCentralize";
    public static final String SUBSCRIPTIONS_TOTAL = "subscriptionsTotal";
    public static final String SUBSCRIPTIONS_CANCELLED = "subscriptionsCancelled";
    public static final String CENTRALIZATION_PROGRESS = "centralizationProgress";
    public static final String NEW_PURCHASES = "newPurchases";
    // one purchase's branch (local to it)
    public static final String SUBSCRIPTION_ID = "subscriptionId";
    /** Local to a reminder: which reminder of the purchase it is (none when the subscription was cancelled meanwhile). */
    public static final String REMINDER_NUMBER = "reminderNumber";

    public static final String CANCEL_DEADLINE = "cancelDeadline";
    public static final String SUBSCRIPTION_DELETED = "subscriptionDeleted";
    public static final String PURCHASE_SUMMARY = "purchaseSummary";
    public static final String DEADLINE_DECISION = "deadlineDecision";
    public static final String EXTEND_BY_DAYS = "extendByDays";
    public static final String TAKEN_OVER = "takenOver";

    /** The user tasks whose completion is a decision the steps after them act on. */
    public static final String ACTIVITY_PLAN = "Activity_PlanCentralization";

    public static final String ACTIVITY_PURCHASER_DID_NOT_CANCEL = "Activity_PurchaserDidNotCancel";

    public static final String USE_EXISTING_SEATS = "useExistingSeats";
    public static final String BUY_SEATS = "buySeats";
    public static final String CALL_OFF = "callOff";
    public static final String EXTEND = "extend";
    public static final String TAKE_OVER = "takeOver";

    private CentralizationVariables() {}
}

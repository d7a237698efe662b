package com.licenseflow.request.process;

/**
 * The process variables of license-request.bpmn. Form field keys in forms/*.form use these same
 * names; a test checks that they match.
 */
public final class RequestVariables {

    // start form / API
    /** Never names the requester (that is whoever starts the process); a start that names someone else is refused. */
    public static final String REQUESTER_ID = "requesterId";

    public static final String REQUESTED_PRODUCT = "requestedProduct";
    public static final String REQUESTED_COLLEAGUES = "requestedColleagues";
    public static final String JUSTIFICATION = "justification";
    /** Optional: the day the licenses should end (ISO date). */
    public static final String LICENSE_ENDS_ON = "licenseEndsOn";
    // registered request
    public static final String LICENSE_REQUEST_ID = "licenseRequestId";
    // review form
    public static final String REVIEW_SUMMARY = "reviewSummary";
    public static final String REQUEST_JUSTIFICATION = "requestJustification";
    public static final String REQUESTED_USER_OPTIONS = "requestedUserOptions";
    public static final String APPROVED_USER_IDS = "approvedUserIds";
    public static final String PRODUCT_OPTIONS = "productOptions";
    public static final String ASSIGNED_PRODUCT_ID = "assignedProductId";
    public static final String SERVICE_PLAN_OPTIONS = "servicePlanOptions";
    public static final String ENABLED_SERVICE_PLANS = "enabledServicePlans";
    public static final String SERVICE_CONFLICTS = "serviceConflicts";
    public static final String DECISION_MESSAGE = "decisionMessage";
    public static final String DECISION = "decision";
    public static final String DENY_CONFIRMED = "denyConfirmed";
    // approval stage form (a stage before the last)
    public static final String STAGE_SUMMARY = "stageSummary";
    public static final String STAGE_DECISION = "stageDecision";
    public static final String STAGE_MESSAGE = "stageMessage";
    public static final String STAGE_DENY_CONFIRMED = "stageDenyConfirmed";
    // seat shortage form
    public static final String SHORTAGE_MESSAGE = "shortageMessage";
    public static final String SHORTAGE_RESOLUTION = "shortageResolution";
    public static final String SUBSCRIPTION_OPTIONS = "subscriptionOptions";
    public static final String SEAT_SUBSCRIPTION_ID = "seatSubscriptionId";
    public static final String SEATS_TO_ADD = "seatsToAdd";
    public static final String TARGET_SUBSCRIPTION_ID = "targetSubscriptionId";
    public static final String APPROVED_USER_OPTIONS = "approvedUserOptions";
    public static final String KEPT_USER_IDS = "keptUserIds";
    public static final String SOURCE_SUBSCRIPTION_ID = "sourceSubscriptionId";
    // refused licenses form (a Microsoft 365 tenant refused some)
    public static final String REFUSED_LICENSES = "refusedLicenses";
    public static final String REFUSAL_RESOLUTION = "refusalResolution";

    // license-end.bpmn: asking for and approving an extension
    public static final String LICENSE_END_SUMMARY = "licenseEndSummary";
    public static final String EXTEND_UNTIL = "extendUntil";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENSION_DECISION = "extensionDecision";

    /** The user tasks whose completion is a decision the steps after them act on. */
    public static final String ACTIVITY_REVIEW = "Activity_ReviewLicenseRequest";

    public static final String ACTIVITY_RESOLVE_SEAT_SHORTAGE = "Activity_ResolveSeatShortage";
    public static final String ACTIVITY_APPROVE_AT_STAGE = "Activity_ApproveLicenseRequestAtStage";
    public static final String ACTIVITY_RESOLVE_REFUSED_LICENSES = "Activity_ResolveRefusedLicenses";
    public static final String ACTIVITY_ASK_FOR_EXTENSION = "Activity_AskForAnExtension";
    public static final String ACTIVITY_APPROVE_EXTENSION = "Activity_ApproveLicenseExtension";

    public static final String APPROVE = "approve";
    public static final String DENY = "deny";
    public static final String ADD_SEATS = "addSeats";
    public static final String OTHER_SUBSCRIPTION = "otherSubscription";
    public static final String DROP_USERS = "dropUsers";
    public static final String ASK_AGAIN = "askAgain";
    public static final String LEAVE_OUT = "leaveOut";

    private RequestVariables() {}
}

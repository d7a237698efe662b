package com.licenseflow.selfservice.process;

/**
 * The process variables of self-service-cancellation.bpmn. Form field keys in
 * forms/choose-subscription-to-cancel.form use these same names.
 */
final class SelfServiceCancellationVariables {

    static final String ACTIVITY_CHOOSE_SUBSCRIPTION = "Activity_ChooseSubscriptionToCancel";
    /** A start that names a purchaser is refused unless it names the starter. */
    static final String PURCHASER_ID = "purchaserId";

    static final String SUBSCRIPTION_ID = "subscriptionId";
    /** "cancel" or "keep". */
    static final String CANCEL_DECISION = "cancelDecision";

    static final String CANCEL = "cancel";
    static final String CANCELLATION_NOTE = "cancellationNote";

    private SelfServiceCancellationVariables() {}
}

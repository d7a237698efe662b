package com.licenseflow.takeover.process;

/**
 * The process variables of subscription-takeover.bpmn. Form field keys in forms/*.form use these
 * same names; a test checks that they match. The README lists the ones a calling process passes in
 * and gets back.
 */
public final class TakeoverVariables {

    // inputs: start form, API, or a calling process
    public static final String SUBSCRIPTION_ID = "subscriptionId";
    /**
     * Never name the admin: the takeover acts for whoever starts it (or, as a call activity, for
     * whom the calling instance acts) and then for whoever completes its tasks. A start that names
     * anyone else in these is refused.
     */
    public static final String TAKEOVER_ADMIN_ID = "takeoverAdminId";

    public static final String TAKEOVER_STARTED_BY = "takeoverStartedBy";
    public static final String TAKEOVER_ACTION = "takeoverAction";
    public static final String TARGET_SUBSCRIPTION_ID = "targetSubscriptionId";
    public static final String CANCELLATION_REASON = "cancellationReason";
    public static final String MOVE_CHUNK_SIZE = "moveChunkSize";
    // set when started
    public static final String TAKEOVER_ID = "takeoverId";
    public static final String DECIDED_BY_CALLER = "decidedByCaller";
    // forms
    public static final String SUBSCRIPTION_OPTIONS = "subscriptionOptions";
    public static final String TAKEOVER_SUMMARY = "takeoverSummary";
    public static final String LICENSED_USERS = "licensedUsers";
    public static final String TARGET_OPTIONS = "targetSubscriptionOptions";
    public static final String SHORTAGE_MESSAGE = "shortageMessage";
    public static final String SHORTAGE_RESOLUTION = "shortageResolution";
    public static final String SEATS_TO_ADD = "seatsToAdd";
    public static final String CANCELLATION_SUMMARY = "cancellationSummary";
    public static final String CANCELLATION_DECISION = "cancellationDecision";
    public static final String CANCELLATION_CONFIRMED = "cancellationConfirmed";
    public static final String REFUSED_MOVES = "refusedMoves";
    public static final String REFUSAL_RESOLUTION = "refusalResolution";
    // move progress, visible in Cockpit while the move runs
    public static final String USERS_TO_MOVE = "usersToMove";
    public static final String USERS_MOVED = "usersMoved";
    public static final String MORE_USERS_TO_MOVE = "moreUsersToMove";
    public static final String MOVE_PROGRESS = "moveProgress";
    // cancellation
    public static final String CANCELLATION_TIMING = "cancellationTiming";
    public static final String TERM_ENDS_AT = "termEndsAt";
    // output
    public static final String TAKEOVER_OUTCOME = "takeoverOutcome";

    /** The user tasks whose completion is a decision the steps after them act on. */
    public static final String ACTIVITY_CHOOSE_SUBSCRIPTION = "Activity_ChooseSubscription";

    public static final String ACTIVITY_CHOOSE_ACTION = "Activity_ChooseTakeoverAction";
    public static final String ACTIVITY_SELECT_TARGET = "Activity_SelectTargetSubscription";
    public static final String ACTIVITY_RESOLVE_SHORTAGE = "Activity_ResolveTakeoverSeatShortage";
    public static final String ACTIVITY_CONFIRM_CANCELLATION = "Activity_ConfirmCancellation";
    public static final String ACTIVITY_RESOLVE_REFUSED_MOVES = "Activity_ResolveRefusedMoves";

    public static final String MOVE = "move";
    public static final String CANCEL = "cancel";
    public static final String ADD_SEATS = "addSeats";
    public static final String OTHER_TARGET = "otherTarget";
    public static final String BACK_OUT = "backOut";
    public static final String NOW = "now";
    public static final String AT_TERM_END = "atTermEnd";
    public static final String ASK_AGAIN = "askAgain";
    public static final String KEEP_SUBSCRIPTION = "keepSubscription";

    private TakeoverVariables() {}
}

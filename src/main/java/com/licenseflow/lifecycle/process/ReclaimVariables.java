package com.licenseflow.lifecycle.process;

/** The variables and steps of license-reclaim.bpmn the Java code names. */
final class ReclaimVariables {

    /** The product a run started by an admin is limited to (null: every product), set by "Record reclaim starter". */
    static final String PRODUCT_ID = "reclaimProductId";
    /** What the start form asks: a product's name or id, or nothing. */
    static final String PRODUCT = "product";
    /** The multi-instance element: a manager's id, or "" where the License admins review. */
    static final String REVIEWER = "reviewer";

    static final String KEPT_LICENSES = "keptLicenses";
    static final String KEEP_REASON = "keepReason";
    static final String ACTIVITY_REVIEW_IDLE_LICENSES = "Activity_ReviewIdleLicenses";

    private ReclaimVariables() {}

    static String reviewer(org.camunda.bpm.engine.delegate.VariableScope scope) {
        Object value = scope.getVariable(REVIEWER);
        return value == null ? "" : value.toString();
    }
}

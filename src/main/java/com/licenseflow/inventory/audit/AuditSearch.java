package com.licenseflow.inventory.audit;

/** Which audit rows to show; a null filter is not filtered on. */
public record AuditSearch(
        String userId,
        String productId,
        String actor,
        AuditAction action,
        Long subscriptionId,
        String processInstanceId) {

    public static final AuditSearch ALL = new AuditSearch(null, null, null, null, null, null);

    public AuditSearch {
        userId = blankToNull(userId);
        productId = blankToNull(productId);
        actor = blankToNull(actor);
        processInstanceId = blankToNull(processInstanceId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

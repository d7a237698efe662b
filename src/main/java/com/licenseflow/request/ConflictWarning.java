package com.licenseflow.request;

/**
 * A requested user already holds a license with a service that cannot be on together with
 * {@code planId} of the product the request is approved from: approving them with that service on
 * would be refused (A5). The review form shows {@code message} while both are ticked.
 */
public record ConflictWarning(String userId, String planId, String message) {}

package com.licenseflow.centralization;

/** How far "Assign central licenses" is: users centralized, users handled (centralized or skipped) of those found. */
public record AssignmentProgress(int centralized, int handled, int found, boolean more) {}

package com.licenseflow.request;

public record RequestedUser(String userId, String displayName, String email, UserOutcome outcome) {}

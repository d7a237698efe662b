package com.licenseflow.request;

/**
 * R4 and R3: whether the organisation handles license requests in its own process (and what users
 * are told instead), and how many days completed requests stay visible.
 */
public record TenantSettings(
        boolean ownRequestProcess,
        String ownRequestMessage,
        String ownRequestDocumentationUrl,
        int requestRetentionDays) {}

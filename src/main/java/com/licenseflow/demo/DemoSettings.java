package com.licenseflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.demo.*} (defaults in application.yml).
 *
 * @param enabled      seeds products, subscriptions and users (password = user id) on first start
 * @param removeLogins with demo data off, removes the demo users' logins a database still holds
 *                     (else the start is refused)
 */
@ConfigurationProperties("licenseflow.demo")
record DemoSettings(boolean enabled, boolean removeLogins) {}

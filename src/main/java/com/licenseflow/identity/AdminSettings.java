package com.licenseflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.admin.*}: the installation's first Global administrator, created on start when
 * missing. Its password is set only when the user is created; change it later in Camunda Admin.
 *
 * @param userId       the login (LICENSEFLOW_ADMIN_USER_ID)
 * @param password     the password (LICENSEFLOW_ADMIN_PASSWORD), at least 12 characters
 * @param passwordFile a file holding the password instead (LICENSEFLOW_ADMIN_PASSWORD_FILE, e.g. a mounted secret)
 * @param displayName  the name people see (default: the user id)
 * @param email        where LicenseFlow mails them (default: {@code userId@localhost})
 */
@ConfigurationProperties("licenseflow.admin")
record AdminSettings(String userId, String password, String passwordFile, String displayName, String email) {}

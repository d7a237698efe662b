package com.licenseflow.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.node.*}: which node of a cluster this is.
 *
 * @param id this node's name in its logs, its answers' {@code X-LicenseFlow-Node} header and the
 *           locks it holds on shared work; unset, the host name and process id ({@link NodeIdentity})
 */
@ConfigurationProperties("licenseflow.node")
public record NodeSettings(String id) {}

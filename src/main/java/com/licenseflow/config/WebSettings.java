package com.licenseflow.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.web.*}: how much work the web side takes on at once, so that it never starves
 * the job executor and the mail worker of database connections (see {@link BackPressure}).
 *
 * @param maxConcurrentRequests API and engine calls served at the same time; keep it below the
 *                              connection pool's size minus the job executor's and mail worker's threads
 * @param queueWait             how long a call waits for its turn before it is answered 503 with Retry-After
 */
@ConfigurationProperties("licenseflow.web")
record WebSettings(int maxConcurrentRequests, Duration queueWait) {}

package com.licenseflow.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.security.*}: who may use the engine's own APIs, and how logins are throttled.
 *
 * @param operatorGroup a Camunda group whose members may use /engine-rest and change running work in
 *                      Cockpit besides the Global administrators (none by default)
 * @param loginFailuresBeforeDelay failed logins from one address before it has to wait
 * @param maxLoginDelay the longest an address waits after failed logins (the wait doubles per failure)
 */
@ConfigurationProperties("licenseflow.security")
public record SecuritySettings(String operatorGroup, int loginFailuresBeforeDelay, Duration maxLoginDelay) {}

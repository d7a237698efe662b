package com.licenseflow.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.security.*}: who may use the engine's own APIs, and how logins are throttled.
 *
 * @param operatorGroup a Camunda group whose members may use /engine-rest and change running work in
 *                      Cockpit besides the Global administrators (none by default)
 * @param loginFailuresBeforeDelay failed logins for one account from one address before that account waits there
 * @param maxLoginDelay the longest such a wait (the wait doubles per failure)
 */
@ConfigurationProperties("licenseflow.security")
public record SecuritySettings(String operatorGroup, int loginFailuresBeforeDelay, Duration maxLoginDelay) {}

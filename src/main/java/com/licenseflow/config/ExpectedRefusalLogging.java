package com.licenseflow.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.licenseflow.shared.LicenseRuleViolation;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A refusal LicenseFlow answers in words (a rule of the inventory, say at Tasklist's Start) is what the caller was
 * told, not an error of the application: the engine's command context would log each as an ERROR with its whole
 * stack trace (ENGINE-16004), and its REST layer again as a WARN. Those become one INFO line; every other exception is logged as before.
 */
@Component
class ExpectedRefusalLogging extends TurboFilter {

    static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
    // Camunda's REST layer logs the same refusal again, as a WARN with its trace (ENGINE-REST-HTTP500).
    static final String ENGINE_REST = "org.camunda.bpm.engine.rest.exception";
    private static final org.slf4j.Logger REFUSALS = LoggerFactory.getLogger("com.licenseflow.refusals");

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.addTurboFilter(this);
            start();
        }
    }

    @PreDestroy
    void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getTurboFilterList().remove(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        boolean engineError = level == Level.ERROR && ENGINE_CONTEXT.equals(logger.getName());
        boolean restWarning = level.isGreaterOrEqual(Level.WARN) && ENGINE_REST.equals(logger.getName());
        if (!engineError && !restWarning) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null
                ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                        ? last
                        : null;
        LicenseRuleViolation refusal = refusalIn(thrown);
        if (refusal == null) {
            return FilterReply.NEUTRAL;
        }
        if (engineError) {
            REFUSALS.info("Refused ({}): {}", refusal.rule(), refusal.getMessage());
        }
        return FilterReply.DENY;
    }

    private static LicenseRuleViolation refusalIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof LicenseRuleViolation refusal) {
                return refusal;
            }
        }
        return null;
    }
}

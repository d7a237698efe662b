package com.licenseflow.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The inventory's clock follows the engine's clock. Timers (reminders, deadlines, term ends) are
 * driven by the engine's time; dates written to the inventory (mailbox data kept until, term
 * start) come from this clock; so when the engine's time is moved - in a test, or by an operator -
 * both agree on what "today" is.
 */
public class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}

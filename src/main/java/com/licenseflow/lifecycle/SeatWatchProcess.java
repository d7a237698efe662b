package com.licenseflow.lifecycle;

/** processes/seat-watch.bpmn: started by its own timer, never by a person. */
public final class SeatWatchProcess {

    public static final String KEY = "seat-watch";

    private SeatWatchProcess() {}
}

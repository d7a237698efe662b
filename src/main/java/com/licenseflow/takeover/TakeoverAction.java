package com.licenseflow.takeover;

/** The two ways to take over a self-service subscription (S6, S7). */
public enum TakeoverAction {
    /** S6: move every user to another subscription, then cancel the old one. */
    MOVE,
    /** S7: cancel the subscription; its users lose access. */
    CANCEL
}

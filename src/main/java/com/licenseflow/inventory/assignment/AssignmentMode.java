package com.licenseflow.inventory.assignment;

/** A4: give the license on top of what users have, or in place of all their other licenses. */
public enum AssignmentMode {
    ADD,
    REPLACE
}

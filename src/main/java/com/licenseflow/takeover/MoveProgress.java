package com.licenseflow.takeover;

/** How far a move is: users moved out of users to move, and whether any are left. */
public record MoveProgress(int moved, int total, boolean more) {}

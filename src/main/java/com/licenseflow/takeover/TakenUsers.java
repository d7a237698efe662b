package com.licenseflow.takeover;

import java.util.List;

/** The users a takeover moved or took a license from: how many, and the first few names (not thousands). */
record TakenUsers(int count, List<String> firstNames) {}

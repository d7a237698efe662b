package com.licenseflow.takeover;

import java.time.LocalDate;

/**
 * What cancelling did (A10): cancelled at once within the cancellation window ({@code endsOn} today,
 * {@code usersUnassigned} users lost access), or recurring billing switched off so the subscription
 * ends at the end of its term, {@code endsOn}.
 */
public record CancellationOutcome(boolean immediate, LocalDate endsOn, int usersUnassigned) {}

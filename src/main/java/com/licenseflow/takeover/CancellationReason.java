package com.licenseflow.takeover;

import com.licenseflow.shared.Rule;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * S7: the fixed list of reasons an admin picks from when cancelling, modelled on the admin center's
 * drop-down. The form's options and the API use {@link #name()}; people read {@link #label()}.
 */
public enum CancellationReason {
    NOT_NEEDED_ANYMORE("Not needed anymore"),
    TOO_EXPENSIVE("Too expensive"),
    BOUGHT_BY_MISTAKE("Bought by mistake"),
    MOVING_TO_CENTRAL_SUBSCRIPTION("Moving to a central subscription"),
    OTHER("Other");

    private final String label;

    CancellationReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The reason named by its code (NOT_NEEDED_ANYMORE) or its label; refuses anything else, listing the choices. */
    public static CancellationReason parse(String text) {
        String wanted = text == null ? "" : text.trim();
        return Arrays.stream(values())
                .filter(r -> r.name().equalsIgnoreCase(wanted) || r.label.equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> Rule.INVALID_INPUT.violation((wanted.isEmpty()
                                ? "Pick a cancellation reason."
                                : "'" + wanted + "' is not a cancellation reason.")
                        + " Choose one of: "
                        + Arrays.stream(values()).map(r -> r.label).collect(Collectors.joining(", ")) + "."));
    }
}

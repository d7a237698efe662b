package com.licenseflow.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Everything that goes into a mail header passes through here, so nothing a user typed (a name, a
 * product name in a subject, an address) can start a header of its own: line breaks and other
 * control characters are taken out of names and subjects, and recipient addresses are parsed
 * strictly and must be exactly one bare address.
 */
final class MailHeaders {

    private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private MailHeaders() {}

    /** The text on one line: line breaks and control characters become spaces. Null stays null. */
    public static String singleLine(String text) {
        if (text == null) {
            return null;
        }
        return SPACES.matcher(LINE_BREAKS_AND_CONTROLS.matcher(text).replaceAll(" "))
                .replaceAll(" ")
                .trim();
    }

    /**
     * The recipient as a header value: {@code email} must be one bare address (name@example.com, no
     * display name, no list, no group, no line break); {@code name} becomes its display name on one line.
     */
    public static InternetAddress recipient(String email, String name) {
        String address = bareAddress(email);
        try {
            String personal = singleLine(name);
            return new InternetAddress(address, personal == null || personal.isEmpty() ? null : personal, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** The sender, as configured: one address, a display name allowed ("LicenseFlow <licenses@example.com>"). */
    public static InternetAddress sender(String configured) {
        try {
            InternetAddress[] parsed =
                    InternetAddress.parse(requireNoControls(configured, "licenseflow.mail.from"), true);
            if (parsed.length != 1 || parsed[0].isGroup()) {
                throw new AddressException("exactly one address is needed");
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    "licenseflow.mail.from '" + configured + "' is not one valid sender " + "address (" + e.getMessage()
                            + "); use e.g. LicenseFlow <licenses@example.com>",
                    e);
        }
    }

    /**
     * A Message-ID that stays the same for the same idempotency key, so that a receiving mail system
     * can drop the duplicate should a message ever be handed over twice (SMTP accepted it, then the
     * application stopped before recording that).
     */
    public static String messageId(String idempotencyKey, String domain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + ".notification@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String bareAddress(String email) {
        String trimmed = requireNoControls(email, "The recipient address").trim();
        try {
            InternetAddress[] parsed = InternetAddress.parse(trimmed, true);
            if (parsed.length != 1) {
                throw refused(email, "it names " + parsed.length + " addresses; a notification goes to exactly one");
            }
            InternetAddress address = parsed[0];
            if (address.isGroup() || address.getPersonal() != null || !trimmed.equals(address.getAddress())) {
                throw refused(email, "give the bare address only, like name@example.com");
            }
            address.validate();
            if (address.getAddress().indexOf('@') < 1) {
                throw refused(email, "it has no domain");
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw refused(email, e.getMessage());
        }
    }

    private static String requireNoControls(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (LINE_BREAKS_AND_CONTROLS.matcher(value).find()) {
            throw new IllegalArgumentException(what + " '" + singleLine(value)
                    + "' contains a line break or control character; it is refused so that it cannot add mail headers");
        }
        return value;
    }

    private static IllegalArgumentException refused(String email, String why) {
        return new IllegalArgumentException("The recipient address '" + email + "' is refused: " + why);
    }
}

package com.licenseflow.inventory.directory;

import java.util.Locale;

/**
 * What an admin searches the directory by: part of a name, a user name or an email address (any case),
 * the kind of user (guests) and the usage location. Null or blank means not filtered on.
 */
public record UserSearch(String text, UserType type, String usageLocation) {

    public static final UserSearch EVERYONE = new UserSearch(null, null, null);

    public UserSearch {
        text = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
        usageLocation = usageLocation == null || usageLocation.isBlank() ? null
                : usageLocation.trim().toUpperCase(Locale.ROOT);
    }

    /** For SQL's like: the text with its wildcards taken literally, inside % signs. */
    public String pattern() {
        return text == null ? null : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

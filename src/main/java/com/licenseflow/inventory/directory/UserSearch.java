package com.licenseflow.inventory.directory;

import java.util.Locale;

/**
 * What an admin searches the directory by: part of a name or an email address (any case),
 * the kind of user (guests) and the usage location. Null or blank means not filtered on.
 */
public record UserSearch(String text, UserType type, String usageLocation) {

    public static final UserSearch EVERYONE = new UserSearch(null, null, null);

    public UserSearch {
        text = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
        usageLocation = usageLocation == null || usageLocation.isBlank()
                ? null
                : usageLocation.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The search as SQL on the directory user {@code u}: nothing without a text (so the database plans
     * the query without it), else the text in the name or the email address (which starts with the user
     * name), in any case, bound as {@code :text}.
     * Written only when asked for: a condition "text is null or ..." makes PostgreSQL's reused plans
     * read every user.
     */
    public String condition(String u) {
        return text == null
                ? ""
                : " and (" + u + ".display_name ilike :text escape '\\' or " + u + ".email ilike :text escape '\\')";
    }

    public boolean searches() {
        return text != null;
    }

    /** For SQL's like: the text with its wildcards taken literally, inside % signs. */
    public String pattern() {
        return text == null
                ? null
                : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

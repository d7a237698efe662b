package com.licenseflow.workflow.forms;

/**
 * Text that goes into a Camunda Form's text view ({@code {{summary}}} in a {@code text} component)
 * is rendered as Markdown, links and all. Anything people typed or a directory holds (names,
 * addresses, a justification) must show as the characters it is: every ASCII punctuation mark is
 * escaped, so no link, address or emphasis can come out of it.
 */
public final class FormText {

    private FormText() {}

    public static String plain(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}

package com.licenseflow.notification;

import com.licenseflow.config.PublicUrl;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a notification from its kind's templates in {@code templates/mail/}: subject and plain
 * text as written, HTML with every value escaped (so a {@code <script>} in an admin's message is
 * shown, never run). Templates are compiled at start-up: a missing one stops the application
 * instead of the first email.
 */
@Component
class MailTemplates {

    private static final String LOCATION = "templates/mail/";
    private static final int MAX_SUBJECT = 900;

    private record Templates(Template subject, Template text, Template html) {}

    private final Map<NotificationKind, Templates> templates = new EnumMap<>(NotificationKind.class);
    private final PublicUrl publicUrl;

    public MailTemplates(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        // Optional values are shown with {{#key}}..{{/key}}; an empty message or user list counts as absent.
        Mustache.Compiler plain =
                Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true).withLoader(MailTemplates::load);
        Mustache.Compiler html = plain.escapeHTML(true);
        for (NotificationKind kind : NotificationKind.values()) {
            String name = kind.templateName();
            templates.put(
                    kind,
                    new Templates(
                            compile(plain, name + ".subject"),
                            compile(plain, name + ".txt"),
                            compile(html, name + ".html")));
        }
    }

    public RenderedMail render(Notification notification) {
        requireModel(notification);
        Map<String, Object> context = context(notification);
        Templates kind = templates.get(notification.kind());
        String subject = MailHeaders.singleLine(kind.subject().execute(context));
        return new RenderedMail(
                subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT) + "...",
                kind.text().execute(context),
                kind.html().execute(context));
    }

    private static void requireModel(Notification notification) {
        List<String> missing = notification.kind().requiredKeys().stream()
                .filter(key -> notification.model().get(key) == null)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(notification.kind() + " needs the model keys "
                    + notification.kind().requiredKeys() + "; missing: " + missing
                    + " (see the javadoc of NotificationKind." + notification.kind() + ")");
        }
    }

    /** The caller's model plus the keys every template may use; ours win, so links always point home. */
    private Map<String, Object> context(Notification notification) {
        Map<String, Object> context = new HashMap<>(notification.model());
        context.put(
                "recipientName",
                notification.recipientName() == null
                                || notification.recipientName().isBlank()
                        ? notification.recipientEmail()
                        : notification.recipientName());
        context.put("appUrl", publicUrl.base());
        context.put("tasklistUrl", publicUrl.link("/camunda/app/tasklist/"));
        putIfPresent(context, "licenseRequestId", notification.licenseRequestId());
        putIfPresent(context, "processInstanceId", notification.processInstanceId());
        return context;
    }

    private static void putIfPresent(Map<String, Object> context, String key, Object value) {
        if (value != null) {
            context.put(key, value);
        }
    }

    private static Template compile(Mustache.Compiler compiler, String name) {
        try (Reader source = load(name)) {
            return compiler.compile(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader load(String name) throws IOException {
        ClassPathResource resource = new ClassPathResource(LOCATION + name + ".mustache");
        if (!resource.exists()) {
            throw new IllegalStateException("The mail template " + LOCATION + name + ".mustache is missing; every "
                    + "NotificationKind needs <kind>.subject, <kind>.txt and <kind>.html templates there");
        }
        return new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8);
    }
}

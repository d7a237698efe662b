package com.licenseflow.notification;

import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.directory.Directory;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Whose mail an actor may read, by the access policy: the address they are limited to, if any. */
@Component
public class MailVisibility {

    private final AccessPolicy access;
    private final Directory directory;

    public MailVisibility(AccessPolicy access, Directory directory) {
        this.access = access;
        this.directory = directory;
    }

    /** Empty when the actor reads everyone's mail; otherwise their own address. */
    public Optional<String> restrictedTo(Actor actor) {
        return access.readsEveryonesMail(actor)
                ? Optional.empty()
                : Optional.of(directory.require(actor.userId()).email());
    }

    public boolean mayRead(Actor actor, Collection<String> recipients) {
        return restrictedTo(actor)
                .map(own -> recipients.stream().anyMatch(own::equalsIgnoreCase))
                .orElse(true);
    }
}

package com.licenseflow.inventory.web;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The logged-in caller as the domain knows them: their directory entry and its roles. */
@Component
public class CurrentActor {

    private final Directory directory;

    public CurrentActor(Directory directory) {
        this.directory = directory;
    }

    public String userId() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    public Actor get() {
        String userId = userId();
        try {
            return directory.actor(userId);
        } catch (LicenseRuleViolation unknown) {
            throw Rule.NOT_IN_DIRECTORY.violation("Your login '" + userId + "' has no entry in the LicenseFlow "
                    + "directory, so it cannot use the license API. Ask a Global administrator to add you.");
        }
    }

    public ChangeContext change(String reason) {
        return ChangeContext.byUser(get(), reason);
    }
}

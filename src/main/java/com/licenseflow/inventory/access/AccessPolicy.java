package com.licenseflow.inventory.access;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.USER_ADMIN;

import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which admin role each kind of change needs. The one place these role rules are written. */
@Component
public class AccessPolicy {

    private final JdbcClient jdbc;

    public AccessPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A9: global, license and user administrators may assign and unassign licenses. */
    public void requireLicenseManager(Actor actor, String toDo) {
        require(actor, toDo, GLOBAL_ADMIN, LICENSE_ADMIN, USER_ADMIN);
    }

    /** Billing matters: the self-service policy (S3), buying seats, taking over subscriptions. */
    public void requireBillingManager(Actor actor, String toDo) {
        require(actor, toDo, GLOBAL_ADMIN, BILLING_ADMIN);
    }

    /** R11: managing license requests and their settings needs the global administrator. */
    public void requireGlobalAdmin(Actor actor, String toDo) {
        require(actor, toDo, GLOBAL_ADMIN);
    }

    /** Reading the inventory: any admin role. */
    public void requireAnyAdmin(Actor actor, String toDo) {
        require(actor, toDo, AdminRole.values());
    }

    /** Notifications: any admin reads everyone's mail (to follow deliveries up); others only mail to themselves. */
    public boolean readsEveryonesMail(Actor actor) {
        return actor.isAdmin();
    }

    /** A6: only a global administrator may give a guest a license. */
    public void requireMayLicenseGuest(Actor actor, String guestName) {
        if (!actor.hasAnyOf(GLOBAL_ADMIN)) {
            throw Rule.GUEST_NEEDS_GLOBAL_ADMIN.violation(
                    guestName + " is a guest user; only a Global administrator may assign licenses to guests. "
                            + "Ask a Global administrator to assign this license, or leave " + guestName + " out.");
        }
    }

    /** For rules whose roles are configuration, such as who reviews license requests. */
    public void requireOneOf(Actor actor, String toDo, AdminRole... allowed) {
        require(actor, toDo, allowed);
    }

    private void require(Actor actor, String toDo, AdminRole... allowed) {
        if (!actor.hasAnyOf(allowed)) {
            String roles = Arrays.stream(allowed).map(AdminRole::title).collect(Words.or());
            throw Rule.ADMIN_ROLE_REQUIRED.violation(
                    nameOf(actor) + " may not " + toDo + ": that needs one of these roles: " + roles
                            + ". Ask a Global administrator to give you one of them.");
        }
    }

    /** The refused person as people know them (a part of LicenseFlow acting on its own, by its name). */
    private String nameOf(Actor actor) {
        return jdbc.sql("select display_name from directory_user where id = ?")
                .param(actor.userId())
                .query(String.class)
                .optional()
                .or(() -> Actor.systemName(actor.userId()))
                .orElse(actor.userId());
    }
}

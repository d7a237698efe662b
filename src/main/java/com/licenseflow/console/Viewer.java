package com.licenseflow.console;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryUser;

/** Who looks at a console page, and so which pages and buttons it shows: the same roles the API checks. */
record Viewer(String userId, String name, Actor actor) {

    static Viewer of(DirectoryUser user) {
        return new Viewer(user.id(), user.displayName(), user.asActor());
    }

    public boolean admin() {
        return actor.isAdmin();
    }

    public boolean licenseManager() {
        return actor.hasAnyOf(AdminRole.GLOBAL_ADMIN, AdminRole.LICENSE_ADMIN, AdminRole.USER_ADMIN);
    }

    public boolean billingManager() {
        return actor.hasAnyOf(AdminRole.GLOBAL_ADMIN, AdminRole.BILLING_ADMIN);
    }

    public boolean globalAdmin() {
        return actor.hasAnyOf(AdminRole.GLOBAL_ADMIN);
    }
}

package com.licenseflow.identity.security;

import com.licenseflow.identity.CamundaGroups;
import com.licenseflow.identity.SignInSettings;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a token (an ID token at sign-in, a bearer token on an API call) names, as LicenseFlow knows them: the directory
 * user it names and the admin roles its app roles give (the directory's roles follow the token; a change is in the
 * audit trail). Their Camunda groups (Tasklist's candidate groups, what Cockpit shows) come from those roles, not
 * from a copy of a password.
 */
final class SignedInUsers {

    /** The directory user and their Camunda groups, as Spring Security's authorities. */
    record SignedIn(DirectoryUser user, List<GrantedAuthority> groups) {}

    private final Directory directory;
    private final SignInSettings settings;

    SignedInUsers(Directory directory, SignInSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /** The user the claims name, or a refusal in words when the directory has nobody of that name. */
    SignedIn resolve(Map<String, Object> claims) {
        String name = settings.nameClaims().stream()
                .map(claims::get)
                .filter(v -> v instanceof String s && !s.isBlank())
                .map(String.class::cast)
                .findFirst()
                .orElse(null);
        String objectId = claims.get("oid") instanceof String oid ? oid : null;
        Set<AdminRole> roles = EnumSet.noneOf(AdminRole.class);
        if (claims.get(settings.rolesClaim()) instanceof Collection<?> granted) {
            granted.forEach(value -> {
                AdminRole role = settings.roles().get(String.valueOf(value));
                if (role != null) {
                    roles.add(role);
                }
            });
        }
        DirectoryUser user = directory
                .signedIn(objectId, name, roles)
                .orElseThrow(() -> new NotInDirectory((name == null ? "This sign-in" : name)
                        + " is not in LicenseFlow's directory, so it cannot use "
                        + "LicenseFlow. Ask a Global administrator to add you (or to let \"Read the tenant\" run)."));
        List<GrantedAuthority> groups = CamundaGroups.memberships(user).stream()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return new SignedIn(user, groups);
    }

    /** A token naming nobody LicenseFlow knows. */
    static final class NotInDirectory extends RuntimeException {
        NotInDirectory(String message) {
            super(message);
        }
    }
}

package com.licenseflow.inventory.directory;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks people up and turns a login into an {@link Actor}; refuses names it does not know. */
@Service
public class Directory {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    private static final Actor ENTRA_ID = Actor.system("microsoft-entra-id", "Microsoft Entra ID sign-in");

    private final DirectoryRepository users;
    private final AccessPolicy access;
    private final LicenseLedger ledger;

    public Directory(DirectoryRepository users, AccessPolicy access, LicenseLedger ledger) {
        this.users = users;
        this.access = access;
        this.ledger = ledger;
    }

    public Optional<DirectoryUser> find(String userId) {
        return users.find(userId);
    }

    /**
     * The colleague picker: anyone may find people by name or email to name them in a request, as in
     * the organisation's address book. A few at a time; names and emails only are shown of them.
     */
    public List<DirectoryUser> pick(String text, int limit) {
        UserSearch search = new UserSearch(text, null, null);
        return search.text() == null || search.text().length() < 2
                ? List.of()
                : users.search(search, PageRequest.first(Math.min(limit, 20))).items();
    }

    /** Those of {@code userIds} that exist, in the order given: to show a form again as it was filled in. */
    public List<DirectoryUser> findAllKnown(List<String> userIds) {
        Map<String, DirectoryUser> found = users.findAll(userIds);
        return userIds.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    public DirectoryUser require(String userId) {
        return users.find(userId).orElseThrow(() -> unknown(List.of(userId)));
    }

    /** All of {@code userIds}, in the order given; refuses naming every id that is not in the directory. */
    public List<DirectoryUser> requireAll(Collection<String> userIds) {
        Map<String, DirectoryUser> found = users.findAll(userIds);
        List<String> missing =
                userIds.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw unknown(missing);
        }
        List<DirectoryUser> ordered = new ArrayList<>();
        userIds.forEach(id -> ordered.add(found.get(id)));
        return ordered;
    }

    /**
     * People named by user id or email address, in the order named; refuses naming every name
     * that matches nobody.
     */
    public List<DirectoryUser> requireAllByIdOrEmail(List<String> names) {
        List<DirectoryUser> found = users.findByIdOrEmail(names);
        List<DirectoryUser> ordered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            found.stream()
                    .filter(u -> u.id().equals(name) || u.email().equalsIgnoreCase(name))
                    .findFirst()
                    .ifPresentOrElse(ordered::add, () -> missing.add(name));
        }
        if (!missing.isEmpty()) {
            throw unknown(missing);
        }
        return ordered;
    }

    /**
     * Who signed in with Microsoft Entra ID: the directory user the token names (its object id, else its user
     * principal name or email), with the admin roles the token gives them from now on, recorded in the audit
     * trail when they changed. Empty when the directory has nobody of that name.
     */
    @Transactional
    public Optional<DirectoryUser> signedIn(String tenantUserId, String name, Set<AdminRole> roles) {
        Optional<DirectoryUser> user = users.findSignedIn(tenantUserId, name);
        user.filter(u -> !u.roles().equals(roles)).ifPresent(u -> {
            users.replaceRoles(u.id(), roles);
            ledger.record(
                    ChangeContext.byUser(ENTRA_ID, "signed in with Microsoft Entra ID"),
                    AuditAction.ROLES_CHANGED,
                    u.id(),
                    null,
                    null,
                    "Admin roles of " + u.displayName()
                            + " as their sign-in gives them: "
                            + (roles.isEmpty()
                                    ? "none"
                                    : roles.stream()
                                            .map(AdminRole::title)
                                            .sorted()
                                            .collect(Words.and())));
        });
        return user.map(u -> users.find(u.id()).orElseThrow());
    }

    public Actor actor(String userId) {
        return require(userId).asActor();
    }

    public List<DirectoryUser> list() {
        return users.list();
    }

    /** The Users page and {@code GET /api/users}: admins search the directory a page at a time. */
    public Page<DirectoryUser> search(Actor actor, UserSearch search, PageRequest page) {
        access.requireAnyAdmin(actor, "list the directory");
        return users.search(search, page);
    }

    /** Sets the two-letter country a user's licenses are used in; licenses need one (A5). */
    @Transactional
    public DirectoryUser changeUsageLocation(ChangeContext context, String userId, String usageLocation) {
        access.requireLicenseManager(context.actor(), "change a user's usage location");
        DirectoryUser user = require(userId);
        String code = usageLocation == null ? "" : usageLocation.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRY_CODE.matcher(code).matches()) {
            throw Rule.INVALID_INPUT.violation("'" + usageLocation + "' is not a usage location: give a two-letter "
                    + "ISO 3166 country code such as NL, SE or US.");
        }
        users.updateUsageLocation(userId, code);
        ledger.usageLocationChanged(
                context,
                userId,
                code,
                "Usage location of " + user.displayName() + " set to " + country(code)
                        + (user.hasUsageLocation() ? " (was " + country(user.usageLocation()) + ")" : ""));
        return require(userId);
    }

    /** What the sign-in log says about one user: either value may be null (not known). */
    /** A usage location as people say it: "Sweden" for SE. */
    public static String country(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    public record SignInActivity(String userId, Boolean accountEnabled, LocalDate lastSignedInOn) {}

    /**
     * Feeds the directory with sign-in activity (in the embedded mode; a tenant's sync does it there):
     * what idle-license reclaim reads. User and global admins; every user must exist, else nothing changes.
     */
    @Transactional
    public int recordActivity(Actor actor, List<SignInActivity> activity) {
        access.requireOneOf(actor, "record users' sign-in activity", AdminRole.USER_ADMIN, AdminRole.GLOBAL_ADMIN);
        if (activity == null || activity.isEmpty() || activity.size() > 10_000) {
            throw Rule.INVALID_INPUT.violation("Give between 1 and 10,000 users' sign-in activity at a time.");
        }
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        for (SignInActivity a : activity) {
            if (a.userId() == null || a.accountEnabled() == null && a.lastSignedInOn() == null) {
                throw Rule.INVALID_INPUT.violation("Each entry needs a userId and accountEnabled or lastSignedInOn.");
            }
            if (a.lastSignedInOn() != null && a.lastSignedInOn().isAfter(tomorrow)) {
                throw Rule.INVALID_INPUT.violation(
                        "The last sign-in of " + a.userId() + " (" + a.lastSignedInOn() + ") is in the future.");
            }
        }
        requireAll(activity.stream().map(SignInActivity::userId).distinct().toList());
        activity.forEach(a -> users.recordActivity(a.userId(), a.accountEnabled(), a.lastSignedInOn()));
        return activity.size();
    }

    private static RuntimeException unknown(List<String> ids) {
        return Rule.UNKNOWN_USER.violation(
                (ids.size() == 1 ? "There is no user '" + ids.get(0) + "'" : "There are no users " + ids)
                        + " in the directory. Check the user name"
                        + (ids.size() == 1 ? "" : "s") + ", or add the user to the directory first.");
    }
}

package com.licenseflow.inventory.web;

import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.UserSearch;
import com.licenseflow.inventory.directory.UserType;
import com.licenseflow.shared.PageLinks;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory, and per-user licenses: service-plan toggles (A3), unassign one or all (A7), data kept (A8). */
@Tag(name = "Users")
@RestController
@RequestMapping("/api")
class UsersController {

    public record UserPatch(String usageLocation, String reason) {}

    public record ServicePlansRequest(Set<String> disabledServicePlans, String reason) {}

    public record MeJson(UserJson user, List<AssignmentJson> licenses) {}

    private final Clock clock;
    private final Directory directory;
    private final LicenseAssignmentService assignments;
    private final AccessPolicy access;
    private final CurrentActor actor;

    public UsersController(
            Directory directory,
            LicenseAssignmentService assignments,
            AccessPolicy access,
            CurrentActor actor,
            Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.assignments = assignments;
        this.access = access;
        this.actor = actor;
    }

    @Operation(summary = "You and your licenses", description = "Everyone.")
    @GetMapping("/me")
    public MeJson me() {
        var caller = actor.get();
        return new MeJson(
                UserJson.of(directory.require(caller.userId())),
                assignments.licensesOf(caller, caller.userId()).stream()
                        .filter(a -> a.isActive())
                        .map(this::json)
                        .toList());
    }

    @Operation(
            summary = "The directory, a page at a time",
            description = "In name order. `q` part of a name, user name or email (any case), `type=member|guest`, "
                    + "`usageLocation=NL`; `page` (from 1) and `size` (default 50, at most 500). The other pages are in "
                    + "the `Link` header (rel first, prev, next, last), the count in `X-Total-Count`. Admins.")
    @GetMapping("/users")
    public ResponseEntity<List<UserJson>> users(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String usageLocation,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        UserSearch search = new UserSearch(q, QueryParams.oneOf(UserType.class, type, "user type"), usageLocation);
        return PageLinks.answer(directory
                .search(actor.get(), search, PageRequest.of(page, size))
                .map(UserJson::of));
    }

    @Operation(summary = "One user", description = "Admins, or yourself.")
    @GetMapping("/users/{userId}")
    public UserJson user(@PathVariable String userId) {
        var caller = actor.get();
        if (!caller.userId().equals(userId)) {
            access.requireAnyAdmin(caller, "see other users");
        }
        return UserJson.of(directory.require(userId));
    }

    public record SignInActivityReport(int recorded) {}

    @Operation(
            summary = "Record users' sign-in activity",
            description = "`[{\"userId\":\"liam\",\"lastSignedInOn\":\"2026-11-30\",\"accountEnabled\":true}]`: what "
                    + "an export of the sign-in log says (up to 10,000 users per call; a last sign-in never moves back). "
                    + "Reclaiming idle licenses reads it. Every user must exist, else nothing is recorded. Global and "
                    + "user admins.")
    @PostMapping("/users/sign-in-activity")
    public SignInActivityReport recordSignIns(@RequestBody List<Directory.SignInActivity> activity) {
        return new SignInActivityReport(directory.recordActivity(actor.get(), activity));
    }

    @Operation(
            summary = "Change a user's usage location",
            description = "`{\"usageLocation\":\"NL\"}`. Global, license and user admins.")
    @PatchMapping("/users/{userId}")
    public UserJson changeUser(@PathVariable String userId, @RequestBody UserPatch patch) {
        return UserJson.of(directory.changeUsageLocation(actor.change(patch.reason()), userId, patch.usageLocation()));
    }

    /** Licenses held, and with {@code includeRemoved=true} also removed ones with the date their data goes (A8). */
    @Operation(
            summary = "A user's licenses",
            description = "includeRemoved=true adds removed ones with mailboxDataKeptUntil (A8). Admins, yourself.")
    @GetMapping("/users/{userId}/licenses")
    public List<AssignmentJson> licenses(
            @PathVariable String userId, @RequestParam(defaultValue = "false") boolean includeRemoved) {
        return assignments.licensesOf(actor.get(), userId).stream()
                .filter(a -> includeRemoved || a.isActive())
                .map(this::json)
                .toList();
    }

    @Operation(
            summary = "A3 switch apps and services",
            description = "`{\"disabledServicePlans\":[..]}`. License managers.")
    @PutMapping("/users/{userId}/licenses/{productId}/service-plans")
    public AssignmentJson servicePlans(
            @PathVariable String userId, @PathVariable String productId, @RequestBody ServicePlansRequest request) {
        Set<String> disabled = request.disabledServicePlans() == null ? Set.of() : request.disabledServicePlans();
        return json(assignments.changeServicePlans(actor.change(request.reason()), userId, productId, disabled));
    }

    @Operation(summary = "A7 remove one license", description = "Mailbox data kept 30 days. License managers.")
    @DeleteMapping("/users/{userId}/licenses/{productId}")
    public List<AssignmentJson> unassign(
            @PathVariable String userId,
            @PathVariable String productId,
            @RequestParam(required = false) String reason) {
        return assignments.unassign(actor.change(reason), productId, List.of(userId)).stream()
                .map(this::json)
                .toList();
    }

    public record UnassignAllRequest(List<String> userIds, String reason) {}

    @Operation(
            summary = "A7 remove every license of several users",
            description =
                    "`{\"userIds\":[\"liam\",\"olivia\"]}` (up to 20): every license each of them holds, as the admin "
                            + "center's \"Unassign all\" for a selection. Mailbox data kept 30 days. Refused as a whole, nothing "
                            + "removed, when one of the licenses is not the caller's to manage. License managers.")
    @PostMapping("/users/unassign-all")
    public List<AssignmentJson> unassignAllOf(@RequestBody UnassignAllRequest request) {
        return assignments.unassignAll(actor.change(request.reason()), request.userIds()).stream()
                .map(this::json)
                .toList();
    }

    @Operation(
            summary = "A7 remove every license of a user",
            description = "Mailbox data kept 30 days. License managers.")
    @DeleteMapping("/users/{userId}/licenses")
    public List<AssignmentJson> unassignAll(
            @PathVariable String userId, @RequestParam(required = false) String reason) {
        return assignments.unassignAll(actor.change(reason), userId).stream()
                .map(this::json)
                .toList();
    }

    private AssignmentJson json(LicenseAssignment license) {
        return AssignmentJson.of(license, LocalDate.now(clock));
    }
}

package com.licenseflow.web;

import com.licenseflow.domain.access.AccessPolicy;
import com.licenseflow.domain.assignment.LicenseAssignmentService;
import com.licenseflow.domain.directory.Directory;
import com.licenseflow.web.json.AssignmentJson;
import com.licenseflow.web.json.UserJson;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory, and per-user licenses: service-plan toggles (A3), unassign one or all (A7), data kept (A8). */
@RestController
@RequestMapping("/api")
public class UsersController {

    public record UserPatch(String usageLocation, String reason) {
    }

    public record ServicePlansRequest(Set<String> disabledServicePlans, String reason) {
    }

    public record MeJson(UserJson user, List<AssignmentJson> licenses) {
    }

    private final Directory directory;
    private final LicenseAssignmentService assignments;
    private final AccessPolicy access;
    private final CurrentActor actor;

    public UsersController(Directory directory, LicenseAssignmentService assignments, AccessPolicy access,
                           CurrentActor actor) {
        this.directory = directory;
        this.assignments = assignments;
        this.access = access;
        this.actor = actor;
    }

    @GetMapping("/me")
    public MeJson me() {
        var caller = actor.get();
        return new MeJson(UserJson.of(directory.require(caller.userId())),
                assignments.licensesOf(caller, caller.userId()).stream().filter(a -> a.isActive())
                        .map(AssignmentJson::of).toList());
    }

    @GetMapping("/users")
    public List<UserJson> users() {
        access.requireAnyAdmin(actor.get(), "list the directory");
        return directory.list().stream().map(UserJson::of).toList();
    }

    @GetMapping("/users/{userId}")
    public UserJson user(@PathVariable String userId) {
        var caller = actor.get();
        if (!caller.userId().equals(userId)) {
            access.requireAnyAdmin(caller, "see other users");
        }
        return UserJson.of(directory.require(userId));
    }

    @PatchMapping("/users/{userId}")
    public UserJson changeUser(@PathVariable String userId, @RequestBody UserPatch patch) {
        return UserJson.of(directory.changeUsageLocation(actor.change(patch.reason()), userId, patch.usageLocation()));
    }

    /** Licenses held, and with {@code includeRemoved=true} also removed ones with the date their data goes (A8). */
    @GetMapping("/users/{userId}/licenses")
    public List<AssignmentJson> licenses(@PathVariable String userId,
                                         @RequestParam(defaultValue = "false") boolean includeRemoved) {
        return assignments.licensesOf(actor.get(), userId).stream()
                .filter(a -> includeRemoved || a.isActive())
                .map(AssignmentJson::of).toList();
    }

    @PutMapping("/users/{userId}/licenses/{productId}/service-plans")
    public AssignmentJson servicePlans(@PathVariable String userId, @PathVariable String productId,
                                       @RequestBody ServicePlansRequest request) {
        Set<String> disabled = request.disabledServicePlans() == null ? Set.of() : request.disabledServicePlans();
        return AssignmentJson.of(assignments.changeServicePlans(actor.change(request.reason()), userId, productId,
                disabled));
    }

    @DeleteMapping("/users/{userId}/licenses/{productId}")
    public List<AssignmentJson> unassign(@PathVariable String userId, @PathVariable String productId,
                                         @RequestParam(required = false) String reason) {
        return assignments.unassign(actor.change(reason), productId, List.of(userId)).stream()
                .map(AssignmentJson::of).toList();
    }

    @DeleteMapping("/users/{userId}/licenses")
    public List<AssignmentJson> unassignAll(@PathVariable String userId,
                                            @RequestParam(required = false) String reason) {
        return assignments.unassignAll(actor.change(reason), userId).stream().map(AssignmentJson::of).toList();
    }
}

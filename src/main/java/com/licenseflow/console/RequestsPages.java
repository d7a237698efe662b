package com.licenseflow.console;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.request.ApprovalStages;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestList;
import com.licenseflow.request.TenantSettings;
import com.licenseflow.request.TenantSettingsService;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.Rule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * R2-R4: the Requests list, pending and completed, each with its users and outcomes and a link to its
 * review task in Tasklist; the "use your own request process" switch, its message and link.
 */
@Controller
class RequestsPages {

    static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final int PAGE_SIZE = 25;

    private final LicenseRequestList requests;
    private final TenantSettingsService settings;
    private final TaskService tasks;
    private final Directory directory;
    private final ConsolePages pages;

    RequestsPages(
            LicenseRequestList requests,
            TenantSettingsService settings,
            TaskService tasks,
            Directory directory,
            ConsolePages pages) {
        this.requests = requests;
        this.directory = directory;
        this.settings = settings;
        this.tasks = tasks;
        this.pages = pages;
    }

    /** A request as the list shows it: its approval stage, and where its review waits in Tasklist. */
    record RequestRow(LicenseRequest request, ApprovalStages.Progress approval, String reviewTask) {}

    @GetMapping("/console/requests")
    String list(
            @RequestParam(defaultValue = "pending") String status,
            @RequestParam(required = false) Integer page,
            HttpServletRequest request,
            Model model) {
        boolean completed = switch (status) {
            case "pending" -> false;
            case "completed" -> true;
            default ->
                throw Rule.INVALID_INPUT.violation("'" + status + "' is not a status; use pending or completed.");
        };
        Page<LicenseRequest> found =
                requests.list(pages.viewer().actor(), completed, new PageRequest(page == null ? 1 : page, PAGE_SIZE));
        List<LicenseRequest> listed = found.items();
        model.addAttribute("pager", Pager.of(found, request));
        Map<String, ApprovalStages.Progress> progress = requests.progress(listed);
        Map<String, String> reviews = completed || listed.isEmpty()
                ? Map.of()
                : tasks
                        .createTaskQuery()
                        .processInstanceIdIn(listed.stream()
                                .map(LicenseRequest::processInstanceId)
                                .toArray(String[]::new))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(
                                Task::getProcessInstanceId,
                                task -> TASKLIST + "#/?task=" + task.getId(),
                                (first, second) -> first));
        model.addAttribute(
                "deciders",
                directory
                        .findAllKnown(listed.stream()
                                .map(LicenseRequest::decidedBy)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(DirectoryUser::id, DirectoryUser::displayName)));
        model.addAttribute("status", status);
        model.addAttribute(
                "requests",
                listed.stream()
                        .map(r -> new RequestRow(r, progress.get(r.id()), reviews.get(r.processInstanceId())))
                        .toList());
        return "console/requests";
    }

    @PostMapping("/console/requests/settings")
    String settings(
            @RequestParam(defaultValue = "false") boolean ownRequestProcess,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String link,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        TenantSettings current = settings.current();
        try {
            TenantSettings changed = settings.change(
                    ChangeContext.byUser(pages.viewer().actor(), null),
                    new TenantSettings(ownRequestProcess, message, link, current.requestRetentionDays()));
            done.addFlashAttribute(
                    "done",
                    changed.ownRequestProcess()
                            ? "Users are now sent to your own request process."
                            : "Users can request licenses in LicenseFlow.");
            return "redirect:/console/requests";
        } catch (LicenseRuleViolation refused) {
            response.setStatus(refused.rule().refusal().httpStatus());
            model.addAttribute("settingsError", refused.getMessage());
            model.addAttribute(
                    "wanted", new TenantSettings(ownRequestProcess, message, link, current.requestRetentionDays()));
            return list("pending", null, request, model);
        }
    }
}

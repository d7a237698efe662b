package com.licenseflow.console;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.request.TenantSettingsService;
import com.licenseflow.shared.LicenseRuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shares: who is looking (for the menu), the own-request-process banner, and
 * refusals of a page's read shown as a page in words (a change's refusal is shown next to its form).
 */
@Controller
@ControllerAdvice(basePackageClasses = ConsolePages.class)
class ConsolePages {

    private final CurrentActor current;
    private final Directory directory;
    private final TenantSettingsService settings;

    ConsolePages(CurrentActor current, Directory directory, TenantSettingsService settings) {
        this.current = current;
        this.directory = directory;
        this.settings = settings;
    }

    @ModelAttribute
    void shared(Model model) {
        model.addAttribute("viewer", viewer());
        model.addAttribute("tenant", settings.current());
    }

    /** Admins land on the Licenses view, everyone else on their own licenses. */
    @GetMapping({"/console", "/console/"})
    String home() {
        return viewer().admin() ? "redirect:/console/licenses" : "redirect:/console/my-licenses";
    }

    @ExceptionHandler(LicenseRuleViolation.class)
    String refused(LicenseRuleViolation refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.rule().refusal().httpStatus());
        model.addAttribute("viewer", viewer());
        model.addAttribute("tenant", settings.current());
        model.addAttribute("refusal", refusal.getMessage());
        return "console/refused";
    }

    /** A login without a directory entry (a Camunda-only operator) sees the pages as someone without roles. */
    Viewer viewer() {
        String userId = current.userId();
        return directory.find(userId).map(Viewer::of)
                .orElseGet(() -> new Viewer(userId, userId, Actor.of(userId)));
    }
}

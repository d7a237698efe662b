package com.licenseflow.console;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.request.TenantSettingsService;
import com.licenseflow.shared.LicenseRuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What every console page shares: who is looking (for the menu), the own-request-process banner, and
 * refusals of a page's read shown as a page in words (a change's refusal is shown next to its form).
 */
@Controller
@ControllerAdvice(basePackageClasses = ConsolePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePages {

    private static final String VIEWER = ConsolePages.class.getName() + ".viewer";

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

    /**
     * Who is looking, read once per request (the menu and the page both ask). A login without a
     * directory entry (a Camunda-only operator) sees the pages as someone without roles.
     */
    /** A form or link missing a value, or with one of the wrong kind (a page "abc"): said in words, as a page. */
    @ExceptionHandler({ServletRequestBindingException.class, TypeMismatchException.class})
    String malformed(Exception malformed, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("viewer", viewer());
        model.addAttribute("tenant", settings.current());
        model.addAttribute(
                "refusal",
                "Something this page needs was missing or not what it should be. Go back, fill "
                        + "in the form again and send it; nothing was changed.");
        return "console/refused";
    }

    Viewer viewer() {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        Viewer known = (Viewer) request.getAttribute(VIEWER, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            return known;
        }
        String userId = current.userId();
        Viewer viewer =
                directory.find(userId).map(Viewer::of).orElseGet(() -> new Viewer(userId, userId, Actor.of(userId)));
        request.setAttribute(VIEWER, viewer, RequestAttributes.SCOPE_REQUEST);
        return viewer;
    }
}

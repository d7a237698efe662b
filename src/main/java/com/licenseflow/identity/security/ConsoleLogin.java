package com.licenseflow.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's login page. It logs in to the Camunda webapps' session the way their own login form
 * does (same password check, same session entry, a new session id), so one login serves the console,
 * Tasklist, Cockpit and Admin.
 */
@Controller
class ConsoleLogin {

    private final ProcessEngine engine;

    ConsoleLogin(ProcessEngine engine) {
        this.engine = engine;
    }

    @GetMapping("/console/login")
    String page(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", safeNext(next));
        return "identity/login";
    }

    @PostMapping("/console/login")
    String login(
            @RequestParam String username,
            @RequestParam String password,
            @RequestParam(required = false) String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String user = username.trim();
        engine.getIdentityService().clearAuthentication();
        if (user.isEmpty() || !engine.getIdentityService().checkPassword(user, password)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("next", safeNext(next));
            model.addAttribute("username", user);
            model.addAttribute("error", "That user name and password do not match. Try again.");
            return "identity/login";
        }
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, user);
        Date cacheValidation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
        if (cacheValidation != null) {
            authentication.setCacheValidationTime(cacheValidation);
        }
        AuthenticationUtil.revalidateSession(request, authentication);
        return "redirect:" + safeNext(next);
    }

    @PostMapping("/console/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/console/login";
    }

    /** Only back into the console: a login link cannot send anyone to another site. */
    private static String safeNext(String next) {
        return next != null && next.startsWith("/console/") && !next.startsWith("/console//") && !next.contains("\\")
                ? next
                : "/console/";
    }
}

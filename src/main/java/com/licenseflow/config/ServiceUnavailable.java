package com.licenseflow.config;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/** A 503 answer with Retry-After and problem details that say, in words, when to try again. */
final class ServiceUnavailable {

    private ServiceUnavailable() {}

    static void answer(HttpServletResponse response, int retryAfterSeconds, String title, String detail)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"status\":503,\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}");
    }
}

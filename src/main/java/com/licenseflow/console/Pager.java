package com.licenseflow.console;

import com.licenseflow.shared.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** The "51-100 of 2,340, previous, next" line under a list, its links keeping the page's filters. */
record Pager(long first, long last, long total, int page, int pages, String previous, String next) {

    static Pager of(Page<?> page, HttpServletRequest request) {
        return new Pager(
                page.first(),
                page.last(),
                page.total(),
                page.page(),
                page.pages(),
                page.hasPrevious() ? link(request, page.page() - 1) : null,
                page.hasNext() ? link(request, page.page() + 1) : null);
    }

    private static String link(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}

package com.licenseflow.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A page of a list as the REST API answers it: the rows as the body (what callers read before lists
 * were paged), and where the other pages are as RFC 8288 {@code Link} headers (first, prev, next,
 * last) with the whole count in {@code X-Total-Count}, each link keeping the caller's filters.
 */
public final class PageLinks {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PageLinks() {}

    public static <T> ResponseEntity<List<T>> answer(Page<T> page) {
        return answer(page, page.items());
    }

    /** A page answered with a body of its own (the rows inside a summary), the same headers. */
    public static <B> ResponseEntity<B> answer(Page<?> page, B body) {
        List<String> links = new ArrayList<>();
        links.add(link(1, page.size(), "first"));
        if (page.hasPrevious()) {
            links.add(link(page.page() - 1, page.size(), "prev"));
        }
        if (page.hasNext()) {
            links.add(link(page.page() + 1, page.size(), "next"));
        }
        links.add(link(page.pages(), page.size(), "last"));
        return ResponseEntity.ok()
                .header("Link", String.join(", ", links))
                .header(TOTAL_COUNT, Long.toString(page.total()))
                .body(body);
    }

    private static String link(int page, int size, String rel) {
        String url = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build()
                .toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}

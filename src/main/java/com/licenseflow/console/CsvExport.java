package com.licenseflow.console;

import com.licenseflow.shared.CsvTable;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A list page's "Export CSV": the same filters, every page (up to {@link #MAX_ROWS}), as a download. */
final class CsvExport {

    /** An export is for a spreadsheet: the newest rows up to this many, read a page at a time. */
    static final int MAX_ROWS = 10_000;

    private CsvExport() {}

    /** The export's link for the list page being shown: its filters, not its page. */
    static String link(String path, HttpServletRequest request) {
        String query = request.getQueryString();
        String filters =
                query == null ? "" : query.replaceAll("(^|&)page=\\d+", "").replaceFirst("^&", "");
        return path + (filters.isEmpty() ? "" : "?" + filters);
    }

    static <T> ResponseEntity<String> download(
            String fileName, CsvTable csv, Function<PageRequest, Page<T>> read, Consumer<T> row) {
        int size = PageRequest.MAX_SIZE;
        for (int page = 1; (long) (page - 1) * size < MAX_ROWS; page++) {
            Page<T> found = read.apply(new PageRequest(page, size));
            found.items().forEach(row);
            if (!found.hasNext()) {
                break;
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(csv.render());
    }
}

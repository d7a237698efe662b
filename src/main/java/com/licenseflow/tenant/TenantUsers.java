package com.licenseflow.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryRepository.TenantUser;
import com.licenseflow.inventory.directory.UserType;
import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The tenant's users a page at a time, by Graph's delta query: the first read lists everyone, page after page;
 * its last page gives the link the next read starts from, which lists only what changed since. Each page is
 * applied in its own transaction (its job's) together with the link to the page after it, so nothing is read
 * twice or lost across a crash, and memory holds one page, whatever the tenant's size.
 */
@Service
class TenantUsers {

    static final String FIRST_PAGE = "/users/delta?$select=id,userPrincipalName,displayName,mail,userType,usageLocation,"
            + "accountEnabled,assignedLicenses";
    /** Where the next read starts: Graph's deltaLink of the last complete read. */
    static final String NEXT_READ = "users";
    /** The page after the last one applied, while a read is under way (links can be longer than a variable). */
    static final String NEXT_PAGE = "users-next-page";

    /** A page read: how many users it had, and whether another page follows. */
    record Page(int users, boolean more) {
    }

    private final GraphClient graph;
    private final DirectoryRepository directory;
    private final JdbcClient jdbc;
    private final Clock clock;

    TenantUsers(GraphClient graph, DirectoryRepository directory, JdbcClient jdbc, Clock clock) {
        this.graph = graph;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The next page: the one after the last page applied, else (a new read) where the last complete read left
     * off, else the beginning.
     */
    Page readNextPage() {
        String link = link(NEXT_PAGE);
        JsonNode page = graph.get(link != null ? link : link(NEXT_READ) != null ? link(NEXT_READ) : FIRST_PAGE);
        int users = 0;
        // A user twice on one page (Graph may send a user's changes in parts) is saved once, as last sent.
        java.util.Map<String, TenantUser> present = new java.util.LinkedHashMap<>();
        for (JsonNode user : page.path("value")) {
            String id = user.path("id").asText();
            if (id.isBlank()) {
                continue;
            }
            if (user.has("@removed")) {
                directory.disableTenantUser(id);
            } else {
                present.put(id, tenantUser(user));
            }
            users++;
        }
        directory.saveFromTenant(new ArrayList<>(present.values()));
        if (page.hasNonNull("@odata.nextLink")) {
            save(NEXT_PAGE, page.get("@odata.nextLink").asText());
            return new Page(users, true);
        }
        jdbc.sql("delete from tenant_read_state where name = ?").param(NEXT_PAGE).update();
        if (page.hasNonNull("@odata.deltaLink")) {
            save(NEXT_READ, page.get("@odata.deltaLink").asText());
        }
        return new Page(users, false);
    }

    private String link(String name) {
        return jdbc.sql("select link from tenant_read_state where name = ?").param(name).query(String.class).optional()
                .orElse(null);
    }

    private void save(String name, String link) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (jdbc.sql("update tenant_read_state set link = ?, saved_at = ? where name = ?").params(link, now, name)
                .update() == 0) {
            jdbc.sql("insert into tenant_read_state (name, link, saved_at) values (?, ?, ?)").params(name, link, now)
                    .update();
        }
    }

    /** Graph's user; a delta page sends only what changed, so what is missing stays null (unchanged). */
    private static TenantUser tenantUser(JsonNode user) {
        String upn = text(user, "userPrincipalName");
        String mail = text(user, "mail");
        String type = text(user, "userType");
        String location = text(user, "usageLocation");
        return new TenantUser(user.path("id").asText(), upn, text(user, "displayName"), mail != null ? mail : upn,
                type == null ? null : "Guest".equalsIgnoreCase(type) ? UserType.GUEST : UserType.MEMBER,
                location == null ? null : location.toUpperCase(Locale.ROOT),
                user.hasNonNull("accountEnabled") ? user.get("accountEnabled").asBoolean() : null);
    }

    private static String text(JsonNode user, String field) {
        JsonNode value = user.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}

package com.licenseflow.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.assignment.AssignmentRepository;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryRepository.TenantUser;
import com.licenseflow.inventory.directory.UserType;
import com.licenseflow.shared.Rows;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(TenantUsers.class);

    static final String FIRST_PAGE =
            "/users/delta?$select=id,userPrincipalName,displayName,mail,userType,usageLocation,"
                    + "accountEnabled,assignedLicenses";
    /** Where the next read starts: Graph's deltaLink of the last complete read. */
    static final String NEXT_READ = "users";
    /** The page after the last one applied, while a read is under way (links can be longer than a variable). */
    static final String NEXT_PAGE = "users-next-page";
    /** While a round of the whole directory is under way: when it began. */
    static final String WHOLE_ROUND = "users-whole-round";

    /** A page read: how many users it had, and whether another page follows. */
    record Page(int users, boolean more) {}

    private final GraphClient graph;
    private final DirectoryRepository directory;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LicenseLedger ledger;
    private final AssignmentRepository assignments;

    TenantUsers(
            GraphClient graph,
            DirectoryRepository directory,
            JdbcClient jdbc,
            Clock clock,
            LicenseLedger ledger,
            AssignmentRepository assignments) {
        this.graph = graph;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ledger = ledger;
        this.assignments = assignments;
    }

    /**
     * The next page: the one after the last page applied, else (a new read) where the last complete read left
     * off, else the beginning. A link Graph no longer knows (410: delta tokens expire) starts a new round of the
     * whole directory, as Graph's answer says to; at the end of such a round, a user it did not list is gone from
     * the tenant.
     */
    Page readNextPage() {
        String link = link(NEXT_PAGE) != null ? link(NEXT_PAGE) : link(NEXT_READ);
        JsonNode page;
        try {
            page = graph.get(link != null ? link : firstPage());
        } catch (GraphException e) {
            if (e.status() != 410 || link == null) {
                throw e;
            }
            log.warn(
                    "Microsoft Graph no longer knows where the last read of the tenant's users left off ({}); "
                            + "reading the whole directory again",
                    e.getMessage());
            jdbc.sql("delete from tenant_read_state where name in (?, ?)")
                    .params(NEXT_PAGE, NEXT_READ)
                    .update();
            page = graph.get(firstPage());
        }
        Instant now = Instant.now(clock);
        int users = 0;
        // A user twice on one page (Graph may send a user's changes in parts) is saved once, as last sent.
        Map<String, TenantUser> present = new LinkedHashMap<>();
        // tenant user id -> skuId -> the service plans (Microsoft's ids) switched off
        Map<String, Map<String, Set<String>>> licenses = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        for (JsonNode user : page.path("value")) {
            String id = user.path("id").asText();
            if (id.isBlank()) {
                continue;
            }
            if (user.has("@removed")) {
                removed.add(id);
                present.remove(id);
                licenses.remove(id);
            } else {
                present.put(id, tenantUser(user));
                if (user.has("assignedLicenses")) {
                    Map<String, Set<String>> skus = new HashMap<>();
                    user.get("assignedLicenses").forEach(l -> {
                        Set<String> off = new HashSet<>();
                        l.path("disabledPlans").forEach(p -> off.add(p.asText().toLowerCase(Locale.ROOT)));
                        skus.put(l.path("skuId").asText().toLowerCase(Locale.ROOT), off);
                    });
                    licenses.put(id, skus);
                }
            }
            users++;
        }
        directory.saveFromTenant(new ArrayList<>(present.values()), now);
        applyLicenses(licenses);
        removed.forEach(id -> goneFromTenant(id, "removed: the user was deleted in Microsoft 365"));
        if (page.hasNonNull("@odata.nextLink")) {
            save(NEXT_PAGE, page.get("@odata.nextLink").asText());
            return new Page(users, true);
        }
        jdbc.sql("delete from tenant_read_state where name = ?")
                .param(NEXT_PAGE)
                .update();
        Instant roundStarted = savedAt(WHOLE_ROUND);
        if (roundStarted != null) {
            // The whole directory was listed since then: whoever was not is no longer in the tenant (deleted
            // while the delta link was lost, or before LicenseFlow was connected to read it).
            directory
                    .tenantUsersNotSeenSince(roundStarted)
                    .forEach(id -> goneFromTenant(id, "removed: the user is no longer in the Microsoft 365 tenant"));
            jdbc.sql("delete from tenant_read_state where name = ?")
                    .param(WHOLE_ROUND)
                    .update();
        }
        if (page.hasNonNull("@odata.deltaLink")) {
            save(NEXT_READ, page.get("@odata.deltaLink").asText());
        }
        return new Page(users, false);
    }

    /** The beginning of a round of the whole directory, marked so that its end knows who was not listed. */
    private String firstPage() {
        save(WHOLE_ROUND, "");
        return FIRST_PAGE;
    }

    /**
     * A user the tenant no longer has: their account counts as disabled, and their licenses are gone with them
     * (Microsoft 365 frees a deleted user's licenses): removed through the ledger, seats back, audited as changed
     * outside LicenseFlow, nothing sent to the tenant.
     */
    private void goneFromTenant(String tenantUserId, String why) {
        String userId = directory.disableTenantUser(tenantUserId);
        if (userId == null) {
            return;
        }
        ChangeContext outside = ChangeContext.byUser(TenantProducts.TENANT, "Changed outside LicenseFlow");
        assignments
                .activeByUser(List.of(userId))
                .getOrDefault(userId, List.of())
                .forEach(license -> ledger.removedInTenant(outside, license.id(), why));
    }

    /**
     * The page's users' licenses as the tenant has them (a user whose licenses the page does not send is left
     * alone): one the tenant has and LicenseFlow does not is held, one LicenseFlow has and the tenant does not is
     * removed, one whose apps and services were switched in the tenant is switched here, all through the ledger,
     * recorded as changed outside LicenseFlow. A product with a change of the user still on its way to the tenant is
     * left alone: the tenant has not had it yet. Plans LicenseFlow knows no Microsoft id of are not compared.
     */
    private void applyLicenses(Map<String, Map<String, Set<String>>> inTenant) {
        if (inTenant.isEmpty()) {
            return;
        }
        Map<String, String> userOf = new HashMap<>();
        jdbc.sql("select id, tenant_user_id from directory_user where tenant_user_id in (:ids)")
                .param("ids", inTenant.keySet())
                .query(rs -> {
                    userOf.put(rs.getString(2), rs.getString(1));
                });
        if (userOf.isEmpty()) {
            return;
        }
        record Held(long licenseId, String userId, String productId, String skuId, Set<String> disabledPlans) {}
        Map<String, List<Held>> held = new HashMap<>();
        jdbc.sql("""
                        select a.id, a.user_id, a.product_id, lower(p.sku_id), a.disabled_plans from license_assignment a
                        join product p on p.id = a.product_id
                        where a.user_id in (:users) and a.active_product_id is not null and p.sku_id is not null""").param("users", userOf.values()).query(rs -> {
            held.computeIfAbsent(rs.getString(2), u -> new ArrayList<>())
                    .add(new Held(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            Rows.planSet(rs.getString(5))));
        });
        // Each product's plans by Microsoft's id (lower case), to read the tenant's switched-off plans in
        // LicenseFlow's.
        // Read per page, not once per read: each page is a job of its own (perhaps on another node), and the catalog
        // is small (a few hundred rows) next to a page of users.
        Map<String, Map<String, String>> planOfGuid = new HashMap<>();
        jdbc.sql("""
                        select lower(p.sku_id), lower(s.guid), s.id from product p
                        join product_service_plan ps on ps.product_id = p.id join service_plan s on s.id = ps.plan_id
                        where p.sku_id is not null and s.guid is not null""").query(rs -> {
            planOfGuid.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
        });
        Set<String> underWay = new HashSet<>();
        jdbc.sql("""
                        select c.user_id, lower(p.sku_id) from tenant_change c join product p
                          on p.id = c.product_id or p.id = c.replaces_product_id
                        where c.state = 'PENDING' and c.user_id in (:users) and p.sku_id is not null""").param("users", userOf.values()).query(rs -> {
            underWay.add(rs.getString(1) + " " + rs.getString(2));
        });
        Map<String, String[]> productOfSku = new HashMap<>();
        jdbc.sql("""
                        select lower(p.sku_id), p.id, s.id from product p join subscription s on s.tenant_sku_id = p.sku_id
                        where p.sku_id is not null""").query(rs -> {
            productOfSku.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        });
        ChangeContext outside = ChangeContext.byUser(TenantProducts.TENANT, "Changed outside LicenseFlow");
        inTenant.forEach((tenantUserId, skus) -> {
            String userId = userOf.get(tenantUserId);
            if (userId == null) {
                return;
            }
            List<Held> mine = held.getOrDefault(userId, List.of());
            for (Held license : mine) {
                if (underWay.contains(userId + " " + license.skuId())) {
                    continue;
                }
                if (!skus.containsKey(license.skuId())) {
                    ledger.removedInTenant(outside, license.licenseId(), "removed in Microsoft 365");
                    continue;
                }
                Map<String, String> plans = planOfGuid.getOrDefault(license.skuId(), Map.of());
                Set<String> offThere = off(skus.get(license.skuId()), plans);
                Set<String> offHere = new TreeSet<>(license.disabledPlans());
                offHere.retainAll(plans.values());
                if (!offThere.equals(offHere)) {
                    Set<String> off = new TreeSet<>(license.disabledPlans());
                    off.removeAll(plans.values());
                    off.addAll(offThere);
                    ledger.plansChangedInTenant(outside, license.licenseId(), off);
                }
            }
            for (var sku : skus.entrySet()) {
                String[] product = productOfSku.get(sku.getKey());
                boolean holds = mine.stream().anyMatch(l -> l.skuId().equals(sku.getKey()));
                if (product != null
                        && !holds
                        && !underWay.contains(userId + " " + sku.getKey())
                        && !ledger.assignedInTenant(
                                outside,
                                userId,
                                Long.parseLong(product[1]),
                                product[0],
                                off(sku.getValue(), planOfGuid.getOrDefault(sku.getKey(), Map.of())))) {
                    log.warn(
                            "{} holds {} in the tenant, but its seats in LicenseFlow are all taken; the next read of "
                                    + "the tenant's seats will add it",
                            userId,
                            product[0]);
                }
            }
        });
    }

    /** LicenseFlow's ids of the plans {@code guids} names, those it knows. */
    private static Set<String> off(Set<String> guids, Map<String, String> planOfGuid) {
        Set<String> off = new TreeSet<>();
        guids.forEach(g -> {
            String plan = planOfGuid.get(g);
            if (plan != null) {
                off.add(plan);
            }
        });
        return off;
    }

    private String link(String name) {
        return jdbc.sql("select link from tenant_read_state where name = ?")
                .param(name)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private Instant savedAt(String name) {
        return jdbc.sql("select saved_at from tenant_read_state where name = ?")
                .param(name)
                .query((rs, n) -> Rows.instant(rs, "saved_at"))
                .optional()
                .orElse(null);
    }

    private void save(String name, String link) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (jdbc.sql("update tenant_read_state set link = ?, saved_at = ? where name = ?")
                        .params(link, now, name)
                        .update()
                == 0) {
            jdbc.sql("insert into tenant_read_state (name, link, saved_at) values (?, ?, ?)")
                    .params(name, link, now)
                    .update();
        }
    }

    /**
     * Graph's user; a delta page sends only what changed, so what is missing stays null (unchanged). A usage
     * location sent as null was cleared in the tenant: it is {@link TenantUser#CLEARED}, not "unchanged".
     */
    private static TenantUser tenantUser(JsonNode user) {
        String upn = text(user, "userPrincipalName");
        String mail = text(user, "mail");
        String type = text(user, "userType");
        String location = text(user, "usageLocation");
        if (location == null && user.has("usageLocation")) {
            location = TenantUser.CLEARED;
        }
        return new TenantUser(
                user.path("id").asText(),
                upn,
                text(user, "displayName"),
                mail != null ? mail : upn,
                type == null ? null : "Guest".equalsIgnoreCase(type) ? UserType.GUEST : UserType.MEMBER,
                location == null ? null : location.toUpperCase(Locale.ROOT),
                user.hasNonNull("accountEnabled") ? user.get("accountEnabled").asBoolean() : null);
    }

    private static String text(JsonNode user, String field) {
        JsonNode value = user.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}

package com.licenseflow.inventory.directory;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.PagedQuery;
import com.licenseflow.shared.Rows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DirectoryRepository {

    private final JdbcClient jdbc;

    public DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DirectoryUser> find(String id) {
        Map<String, DirectoryUser> found = findAll(List.of(id));
        return Optional.ofNullable(found.get(id));
    }

    /** The users that exist among {@code ids}, keyed by id. */
    public Map<String, DirectoryUser> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return load("where u.id in (:ids)", Map.of("ids", ids));
    }

    /** Users whose id, or email (any case), is among {@code keys}. */
    public List<DirectoryUser> findByIdOrEmail(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> lower =
                keys.stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).toList();
        return List.copyOf(
                load("where u.id in (:ids) or lower(u.email) in (:emails)", Map.of("ids", keys, "emails", lower))
                        .values());
    }

    public List<DirectoryUser> withAnyRole(Collection<AdminRole> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return List.copyOf(load(
                        "where u.id in (select h.user_id from directory_user_role h where h.role in (:roles))",
                        Map.of("roles", roles.stream().map(AdminRole::name).toList()))
                .values());
    }

    public List<DirectoryUser> list() {
        return List.copyOf(load("", Map.of()).values());
    }

    /** A page of the directory in name order; the filters run in the database, with indexes behind them. */
    public Page<DirectoryUser> search(UserSearch search, PageRequest page) {
        StringBuilder where = new StringBuilder("where 1 = 1").append(search.condition("u"));
        Map<String, Object> params = new HashMap<>();
        params.put("text", search.pattern());
        if (search.type() != null) {
            where.append(" and u.user_type = :type");
            params.put("type", search.type().name());
        }
        if (search.usageLocation() != null) {
            where.append(" and u.usage_location = :location");
            params.put("location", search.usageLocation());
        }
        // Counted apart: read in the name index's order, a page of matches stops early (a search of the whole
        // directory matches many); the count is one pass over the table.
        Page<String> ids = PagedQuery.page(
                jdbc,
                "u.id",
                "from directory_user u " + where,
                "u.display_name, u.id",
                params,
                page,
                (rs, n) -> rs.getString(1));
        Map<String, DirectoryUser> found = findAll(ids.items());
        return ids.map(found::get);
    }

    public boolean exists(String id) {
        return jdbc.sql("select count(*) from directory_user where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void insert(DirectoryUser user) {
        jdbc.sql("""
                        insert into directory_user (id, display_name, email, user_type, usage_location, department)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        user.id(),
                        user.displayName(),
                        user.email(),
                        user.type().name(),
                        user.usageLocation(),
                        user.department())
                .update();
        if (user.managerId() != null) {
            changeManager(user.id(), user.managerId());
        }
        for (AdminRole role : user.roles()) {
            jdbc.sql("insert into directory_user_role (user_id, role) values (?, ?)")
                    .params(user.id(), role.name())
                    .update();
        }
    }

    /** The user a sign-in names: by their object id in the tenant, else by user principal name or email. */
    public Optional<DirectoryUser> findSignedIn(String tenantUserId, String name) {
        String id = jdbc.sql("""
                        select id from directory_user
                        where tenant_user_id = :oid or lower(user_principal_name) = lower(:name)
                           or lower(email) = lower(:name)
                        order by case when tenant_user_id = :oid then 0 else 1 end, id
                        fetch first 1 rows only""")
                .param("oid", tenantUserId == null ? "" : tenantUserId)
                .param("name", name == null ? "" : name)
                .query(String.class)
                .optional()
                .orElse(null);
        return id == null ? Optional.empty() : find(id);
    }

    public void replaceRoles(String userId, Set<AdminRole> roles) {
        jdbc.sql("delete from directory_user_role where user_id = ?")
                .param(userId)
                .update();
        for (AdminRole role : roles) {
            jdbc.sql("insert into directory_user_role (user_id, role) values (?, ?)")
                    .params(userId, role.name())
                    .update();
        }
    }

    /** A user as a connected Microsoft 365 tenant lists them; null fields are those the tenant did not send. */
    public record TenantUser(
            String tenantUserId,
            String userPrincipalName,
            String displayName,
            String email,
            UserType type,
            String usageLocation,
            Boolean accountEnabled) {

        /** The usage location a tenant cleared (Graph sent it as null), as against one it did not send. */
        public static final String CLEARED = "";
    }

    /**
     * Brings a page of a tenant's users into the directory: each found by their id in the tenant, else by their
     * email address (a user the directory had before the tenant was connected keeps their id), else added with
     * the tenant's id as theirs. Only what the tenant sent is changed. Looked up a page at a time, not a user at
     * a time: the first read of a large tenant adds tens of thousands of users.
     */
    public void saveFromTenant(List<TenantUser> users, Instant seenAt) {
        if (users.isEmpty()) {
            return;
        }
        Map<String, String> byTenantId = new HashMap<>();
        jdbc.sql("select tenant_user_id, id from directory_user where tenant_user_id in (:ids)")
                .param("ids", users.stream().map(TenantUser::tenantUserId).toList())
                .query(rs -> {
                    byTenantId.put(rs.getString(1), rs.getString(2));
                });
        List<String> unknownEmails = users.stream()
                .filter(u -> !byTenantId.containsKey(u.tenantUserId()) && u.email() != null)
                .map(u -> u.email().toLowerCase(java.util.Locale.ROOT))
                .toList();
        Map<String, String> byEmail = new HashMap<>();
        if (!unknownEmails.isEmpty()) {
            jdbc.sql("select lower(email), id from directory_user where lower(email) in (:emails)")
                    .param("emails", unknownEmails)
                    .query(rs -> {
                        byEmail.put(rs.getString(1), rs.getString(2));
                    });
        }
        for (TenantUser user : users) {
            String id = byTenantId.get(user.tenantUserId());
            if (id == null && user.email() != null) {
                id = byEmail.get(user.email().toLowerCase(java.util.Locale.ROOT));
            }
            if (id == null) {
                jdbc.sql("""
                                insert into directory_user (id, display_name, email, user_type, usage_location,
                                                            account_enabled, tenant_user_id, user_principal_name,
                                                            tenant_seen_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                user.tenantUserId(),
                                user.displayName() == null ? user.email() : user.displayName(),
                                user.email(),
                                (user.type() == null ? UserType.MEMBER : user.type()).name(),
                                blankAsNull(user.usageLocation()),
                                user.accountEnabled() == null || user.accountEnabled(),
                                user.tenantUserId(),
                                user.userPrincipalName(),
                                Rows.timestamp(seenAt))
                        .update();
                continue;
            }
            jdbc.sql("""
                            update directory_user set tenant_user_id = ?,
                                   user_principal_name = coalesce(?, user_principal_name),
                                   display_name = coalesce(?, display_name), email = coalesce(?, email),
                                   user_type = coalesce(?, user_type),
                                   usage_location = case when ? then null else coalesce(?, usage_location) end,
                                   account_enabled = coalesce(?, account_enabled), tenant_seen_at = ?
                            where id = ?""")
                    .params(
                            user.tenantUserId(),
                            user.userPrincipalName(),
                            user.displayName(),
                            user.email(),
                            user.type() == null ? null : user.type().name(),
                            TenantUser.CLEARED.equals(user.usageLocation()),
                            blankAsNull(user.usageLocation()),
                            user.accountEnabled(),
                            Rows.timestamp(seenAt),
                            id)
                    .update();
        }
    }

    /**
     * A user the tenant no longer has: their account counts as disabled. Returns their id in the directory, or
     * null when the directory never had them.
     */
    public String disableTenantUser(String tenantUserId) {
        jdbc.sql("update directory_user set account_enabled = false where tenant_user_id = ?")
                .param(tenantUserId)
                .update();
        return jdbc.sql("select id from directory_user where tenant_user_id = ?")
                .param(tenantUserId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The tenant ids of the users the tenant listed before and not since {@code since}. */
    public List<String> tenantUsersNotSeenSince(Instant since) {
        return jdbc.sql("""
                        select tenant_user_id from directory_user where tenant_user_id is not null
                          and (tenant_seen_at is null or tenant_seen_at < ?)""").param(Rows.timestamp(since)).query(String.class).list();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Separate from the insert: a manager may be inserted after the people who report to them. */
    public void changeManager(String id, String managerId) {
        jdbc.sql("update directory_user set manager_id = ? where id = ?")
                .params(managerId, id)
                .update();
    }

    public void updateUsageLocation(String id, String usageLocation) {
        jdbc.sql("update directory_user set usage_location = ? where id = ?")
                .params(usageLocation, id)
                .update();
    }

    /**
     * Records what the sign-in log says about a user: whether the account is enabled and the last day
     * they signed in (never moved backwards: an older export does not make an active user look idle).
     * Returns whether the user exists.
     */
    public boolean recordActivity(String id, Boolean accountEnabled, LocalDate lastSignedInOn) {
        if (!exists(id)) {
            return false;
        }
        if (accountEnabled != null) {
            jdbc.sql("update directory_user set account_enabled = ? where id = ?")
                    .params(accountEnabled, id)
                    .update();
        }
        if (lastSignedInOn != null) {
            jdbc.sql("""
                            update directory_user set last_signed_in_on = ?
                            where id = ? and (last_signed_in_on is null or last_signed_in_on < ?)""").params(lastSignedInOn, id, lastSignedInOn).update();
        }
        return true;
    }

    /** One round trip: users with their roles (one row per role, or one row without). */
    private Map<String, DirectoryUser> load(String where, Map<String, ?> params) {
        Map<String, DirectoryUser> users = new LinkedHashMap<>();
        Map<String, Set<AdminRole>> roles = new HashMap<>();
        jdbc.sql("select u.*, r.role from directory_user u left join directory_user_role r on r.user_id = u.id " + where
                        + " order by u.display_name, u.id")
                .params(params)
                .query(rs -> {
                    String id = rs.getString("id");
                    Set<AdminRole> held = roles.computeIfAbsent(id, k -> EnumSet.noneOf(AdminRole.class));
                    if (rs.getString("role") != null) {
                        held.add(AdminRole.valueOf(rs.getString("role")));
                    }
                    users.putIfAbsent(
                            id,
                            new DirectoryUser(
                                    id,
                                    rs.getString("display_name"),
                                    rs.getString("email"),
                                    UserType.valueOf(rs.getString("user_type")),
                                    rs.getString("usage_location"),
                                    held,
                                    rs.getString("manager_id"),
                                    rs.getString("department")));
                });
        users.replaceAll((id, u) -> new DirectoryUser(
                id,
                u.displayName(),
                u.email(),
                u.type(),
                u.usageLocation(),
                Set.copyOf(roles.get(id)),
                u.managerId(),
                u.department()));
        return users;
    }
}

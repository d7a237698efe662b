package com.licenseflow.domain.directory;

import com.licenseflow.domain.access.AdminRole;
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
        List<String> lower = keys.stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).toList();
        return List.copyOf(load("where u.id in (:ids) or lower(u.email) in (:emails)",
                Map.of("ids", keys, "emails", lower)).values());
    }

    public List<DirectoryUser> withAnyRole(Collection<AdminRole> roles) {
        return list().stream().filter(u -> u.roles().stream().anyMatch(roles::contains)).toList();
    }

    public List<DirectoryUser> list() {
        return List.copyOf(load("", Map.of()).values());
    }

    public boolean exists(String id) {
        return jdbc.sql("select count(*) from directory_user where id = ?").param(id).query(Integer.class).single() > 0;
    }

    public void insert(DirectoryUser user) {
        jdbc.sql("insert into directory_user (id, display_name, email, user_type, usage_location) values (?, ?, ?, ?, ?)")
                .params(user.id(), user.displayName(), user.email(), user.type().name(), user.usageLocation())
                .update();
        for (AdminRole role : user.roles()) {
            jdbc.sql("insert into directory_user_role (user_id, role) values (?, ?)").params(user.id(), role.name()).update();
        }
    }

    public void updateUsageLocation(String id, String usageLocation) {
        jdbc.sql("update directory_user set usage_location = ? where id = ?").params(usageLocation, id).update();
    }

    private Map<String, DirectoryUser> load(String where, Map<String, ?> params) {
        Map<String, Set<AdminRole>> roles = new HashMap<>();
        jdbc.sql("select r.user_id, r.role from directory_user_role r join directory_user u on u.id = r.user_id " + where)
                .params(params)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(AdminRole.class))
                            .add(AdminRole.valueOf(rs.getString(2)));
                });
        Map<String, DirectoryUser> users = new LinkedHashMap<>();
        jdbc.sql("select * from directory_user u " + where + " order by u.display_name")
                .params(params)
                .query(rs -> {
                    String id = rs.getString("id");
                    users.put(id, new DirectoryUser(id, rs.getString("display_name"), rs.getString("email"),
                            UserType.valueOf(rs.getString("user_type")), rs.getString("usage_location"),
                            roles.getOrDefault(id, Set.of())));
                });
        return users;
    }
}

package com.licenseflow.support;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything an attack could change, read back as one text: the inventory (licenses, seats,
 * policies, audit rows), the license requests and decisions, and the engine (running instances and
 * where they wait, their variables, jobs with retries, due dates and suspension, tasks with who may
 * work on them, authorizations, users and groups). "Nothing changed" is two equal snapshots.
 */
public class EngineState {

    private final Fixtures fixtures;
    private final ProcessEngine engine;
    private final JdbcClient jdbc;

    public EngineState(Fixtures fixtures, ProcessEngine engine, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    public String snapshot() {
        return String.join(
                "\n",
                fixtures.snapshot(),
                requests(),
                instances(),
                variables(),
                jobs(),
                tasks(),
                authorizations(),
                identity());
    }

    private String requests() {
        return jdbc
                        .sql("""
                        select r.id, r.status, r.decided_by, u.user_id, u.outcome from license_request r
                        join license_request_user u on u.request_id = r.id order by r.id, u.user_id""")
                        .query((rs, n) -> String.join(
                                ":",
                                rs.getString(1),
                                rs.getString(2),
                                String.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5)))
                        .list()
                        .stream()
                        .collect(Collectors.joining(","))
                + "|decisions:"
                + jdbc.sql("select count(*) from process_decision")
                        .query(Long.class)
                        .single();
    }

    private String instances() {
        return engine.getRuntimeService().createProcessInstanceQuery().list().stream()
                .sorted(Comparator.comparing(pi -> pi.getId()))
                .map(pi -> pi.getId() + ":" + pi.isSuspended() + ":"
                        + engine.getRuntimeService().getActiveActivityIds(pi.getId()).stream()
                                .sorted()
                                .toList())
                .collect(Collectors.joining(","));
    }

    private String variables() {
        return engine
                .getRuntimeService()
                .createVariableInstanceQuery()
                .disableCustomObjectDeserialization()
                .list()
                .stream()
                .map(v -> v.getExecutionId() + ":" + v.getName() + "="
                        + (v.getTypedValue() instanceof SerializableValue s && !s.isDeserialized()
                                ? s.getValueSerialized()
                                : v.getTypedValue().getValue()))
                .sorted()
                .collect(Collectors.joining(","));
    }

    private String jobs() {
        return engine.getManagementService().createJobQuery().list().stream()
                .map(j -> j.getId() + ":" + j.getRetries() + ":" + j.isSuspended() + ":" + j.getDuedate())
                .sorted()
                .collect(Collectors.joining(","));
    }

    private String tasks() {
        return engine.getTaskService().createTaskQuery().list().stream()
                .map(t -> t.getId() + ":" + t.getAssignee() + ":"
                        + engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
                                .map(l -> l.getType() + "/" + l.getGroupId() + "/" + l.getUserId())
                                .sorted()
                                .toList())
                .sorted()
                .collect(Collectors.joining(","));
    }

    private String authorizations() {
        return engine.getAuthorizationService().createAuthorizationQuery().list().stream()
                .map(EngineState::describe)
                .sorted()
                .collect(Collectors.joining(","));
    }

    private static String describe(Authorization a) {
        List<String> granted = Stream.of(Permissions.values())
                .filter(p -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && a.isPermissionGranted(p))
                .map(Permissions::getName)
                .toList();
        return a.getAuthorizationType() + "/" + a.getUserId() + "/" + a.getGroupId() + "/" + a.getResourceType() + "/"
                + a.getResourceId() + "/" + granted;
    }

    private String identity() {
        return engine.getIdentityService().createUserQuery().list().stream()
                .map(u -> u.getId() + ":"
                        + engine.getIdentityService().createGroupQuery().groupMember(u.getId()).list().stream()
                                .map(g -> g.getId())
                                .sorted()
                                .toList())
                .sorted()
                .collect(Collectors.joining(","));
    }
}

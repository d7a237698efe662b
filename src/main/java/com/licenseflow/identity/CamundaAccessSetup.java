package com.licenseflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.licenseflow.config.StartupLock;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.workflow.EmployeeTasks;
import com.licenseflow.workflow.StartableProcess;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups, engine authorizations and Tasklist filters LicenseFlow needs, created on every start
 * when missing (idempotent). With authorization enabled nobody sees anything until granted here.
 */
@Component
@Order(1)
public class CamundaAccessSetup implements ApplicationRunner {

    static final String MY_TASKS = "My tasks";
    static final String MY_GROUP_TASKS = "My group's tasks";
    /** Tasks offered to a few named people, any of whom may take it (e.g. "Ask for an extension"). */
    static final String OFFERED_TO_ME = "Offered to me";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final StartupLock startupLock;
    private final List<StartableProcess> processes;
    private final List<EmployeeTasks> employeeTasks;

    public CamundaAccessSetup(
            IdentityService identity,
            AuthorizationService authorizations,
            FilterService filters,
            TaskService tasks,
            StartupLock startupLock,
            List<StartableProcess> processes,
            List<EmployeeTasks> employeeTasks) {
        this.employeeTasks = employeeTasks;
        this.startupLock = startupLock;
        this.processes = processes;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startupLock.hold();
        CamundaGroups.NAMES.forEach(this::group);

        // Exactly these rights: a right an earlier version granted and this one does not is taken back.
        Map<Grant, Set<Permission>> grants = new LinkedHashMap<>();
        for (Resource resource : Resources.values()) {
            grants.put(new Grant(CamundaGroups.CAMUNDA_ADMIN, resource, ANY), Set.of(Permissions.ALL));
        }
        List<String> everyone = List.of(
                CamundaGroups.EMPLOYEES,
                CamundaGroups.GLOBAL_ADMINS,
                CamundaGroups.LICENSE_ADMINS,
                CamundaGroups.USER_ADMINS,
                CamundaGroups.BILLING_ADMINS);
        for (String group : everyone) {
            add(grants, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Starting processes from Tasklist: which ones is decided per process definition below.
            add(grants, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        // Tasklist shows a task with its process's name and diagram: readable where employees get tasks (admins
        // read every definition anyway).
        for (EmployeeTasks process : employeeTasks) {
            add(grants, CamundaGroups.EMPLOYEES, Resources.PROCESS_DEFINITION, process.key(), Permissions.READ);
        }
        for (String group : CamundaGroups.ADMIN_GROUPS) {
            // Admins watch running work in Cockpit; changing it (modifying instances, variables, jobs,
            // who may work on a task) is for Global administrators, who are Camunda administrators too.
            add(grants, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            add(
                    grants,
                    group,
                    Resources.PROCESS_DEFINITION,
                    ANY,
                    Permissions.READ,
                    Permissions.READ_INSTANCE,
                    Permissions.READ_HISTORY,
                    Permissions.READ_TASK);
            add(grants, group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            add(grants, group, Resources.TASK, ANY, Permissions.READ);
            add(grants, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            // The approval policy (license-approval-policy.dmn) and how it decided each request.
            add(grants, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            add(grants, group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
            add(grants, group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
            add(grants, group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        }
        grants.forEach((grant, permissions) -> grantExactly(
                grant.groupId(), grant.resource(), grant.resourceId(), permissions.toArray(Permission[]::new)));

        // Each module says who may start its processes (the domain checks the same roles again).
        for (StartableProcess process : processes) {
            allowToStart(
                    process.key(),
                    process.startedBy().isEmpty()
                            ? everyone.toArray(String[]::new)
                            : process.startedBy().stream()
                                    .map(AdminRole::groupId)
                                    .sorted()
                                    .toArray(String[]::new));
        }

        Filter mine = filter(MY_TASKS, -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        Filter group = filter(
                MY_GROUP_TASKS,
                -5,
                tasks.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned());
        Filter offered = filter(
                OFFERED_TO_ME,
                -7,
                tasks.createTaskQuery()
                        .taskCandidateUserExpression("${currentUser()}")
                        .taskUnassigned());
        for (String g : everyone) {
            grant(g, Resources.FILTER, mine.getId(), Permissions.READ);
            grant(g, Resources.FILTER, group.getId(), Permissions.READ);
            grant(g, Resources.FILTER, offered.getId(), Permissions.READ);
        }
    }

    private record Grant(String groupId, Resource resource, String resourceId) {}

    private static void add(
            Map<Grant, Set<Permission>> grants,
            String groupId,
            Resource resource,
            String resourceId,
            Permission... permissions) {
        grants.computeIfAbsent(new Grant(groupId, resource, resourceId), k -> new LinkedHashSet<>())
                .addAll(List.of(permissions));
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(
                    CamundaGroups.CAMUNDA_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    /** Adds the permissions to what the group already has on the resource. */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = existingOrNew(groupId, resource, resourceId);
        boolean changed = grant.getId() == null;
        for (Permission permission : permissions) {
            if (!grant.isPermissionGranted(permission)) {
                grant.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(grant);
        }
    }

    /** The group has exactly these permissions on the resource, none more. */
    private void grantExactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = existingOrNew(groupId, resource, resourceId);
        Authorization wanted = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        wanted.setResource(resource);
        wanted.setPermissions(permissions);
        boolean same = grant.getId() != null
                && Stream.of(
                                Permissions.values(),
                                HistoricTaskPermissions.values(),
                                HistoricProcessInstancePermissions.values())
                        .flatMap(Stream::of)
                        .allMatch(p -> grant.isPermissionGranted(p) == wanted.isPermissionGranted(p));
        if (!same) {
            grant.setPermissions(permissions);
            authorizations.saveAuthorization(grant);
        }
    }

    private Authorization existingOrNew(String groupId, Resource resource, String resourceId) {
        Authorization existing = authorizations
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT)
                .singleResult();
        if (existing != null) {
            return existing;
        }
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        return grant;
    }

    private Filter filter(String name, int priority, TaskQuery query) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", name, "refresh", true));
        return filters.saveFilter(filter);
    }

    /** Lets {@code groups} start {@code processDefinitionKey} from Tasklist or the API. */
    public void allowToStart(String processDefinitionKey, String... groups) {
        for (String group : groups) {
            grant(
                    group,
                    Resources.PROCESS_DEFINITION,
                    processDefinitionKey,
                    Permissions.READ,
                    Permissions.CREATE_INSTANCE);
        }
    }
}

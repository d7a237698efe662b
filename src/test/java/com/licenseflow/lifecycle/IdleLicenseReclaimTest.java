package com.licenseflow.lifecycle;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.USER_ADMIN;
import static com.licenseflow.support.Refusals.expectUntrusted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.shared.Rule;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import com.licenseflow.support.Refusals;
import com.licenseflow.support.WebappSession;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Reclaim idle licenses" (license-reclaim.bpmn): keep, reclaim, the default at the deadline, and every refusal. */
@IntegrationTest
class IdleLicenseReclaimTest {

    static final String FIND = "Activity_FindIdleLicenses";
    static final String REVIEW = "Activity_ReviewIdleLicenses";
    static final String DEADLINE = "BoundaryEvent_ReviewDeadlinePassed";
    static final String RECLAIM = "Activity_ReclaimLicenses";
    static final String EMAIL_HOLDERS = "Activity_EmailHoldersLicenseReclaimed";
    static final String REPORT = "Activity_ReportReclaimedLicenses";
    static final String EMAIL_REPORT = "Activity_EmailLicenseAdminsReclaimReport";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DevMailbox devMailbox;

    @Autowired
    Clock clock;

    Product product;
    long seats;
    DirectoryUser licenseAdmin;
    DirectoryUser userAdmin;
    DirectoryUser noah;
    DirectoryUser sara;
    Inbox inbox;
    LocalDate today;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        inbox = new Inbox(devMailbox);
        today = LocalDate.now(clock);
        product = fixtures.product();
        seats = fixtures.central(product, 10);
        licenseAdmin = fixtures.admin(LICENSE_ADMIN);
        userAdmin = fixtures.admin(USER_ADMIN);
        noah = fixtures.member();
        sara = fixtures.member();
    }

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void eachManagerKeepsOrReclaimsAndTheDefaultDecidesWhatNobodyAnswered() {
        DirectoryUser away = holder(noah, today.minusDays(120), true);
        DirectoryUser left = holder(noah, today.minusDays(10), false);
        DirectoryUser active = holder(noah, today, true);
        DirectoryUser idleAtSara = holder(sara, today.minusDays(200), true);
        DirectoryUser backAtSara = holder(sara, today.minusDays(95), true);
        DirectoryUser noManager = holder(null, today.minusDays(150), true);

        String run = start(product.name());
        assertThat(tasksOf(run)).hasSize(3);
        Task noahsTask = taskOf(run, noah.id());
        assertThat(noahsTask.getDueDate()).isNotNull();
        String options = driver.shownInForm(noah.id(), noahsTask, "idleLicenseOptions");
        assertThat(options)
                .contains(away.displayName(), "no sign-in since", left.displayName(), "account disabled")
                .doesNotContain(active.displayName(), idleAtSara.displayName());
        assertThat(driver.shownInForm(noah.id(), noahsTask, "idleLicenseSummary"))
                .contains("2 licenses have not been used by people who report to " + noah.displayName());
        // In Tasklist's list the manager sees the task with its process's name (read with the task).
        JsonNode list = WebappSession.login(port, noah.id(), "tasklist")
                .tasklistTasks("processInstanceId=" + run)
                .json();
        assertThat(list.at("/_embedded/task/0/name").asText()).isEqualTo("Review idle licenses");
        assertThat(list.at("/_embedded/processDefinition/0/name").asText()).isEqualTo("Reclaim idle licenses");

        // Noah keeps Away's license (parental leave) and lets Left's go.
        driver.complete(
                noah.id(),
                noahsTask,
                Map.of("keptLicenses", List.of(licenseOf(away)), "keepReason", "On parental leave until March"));
        driver.runJob(run, RECLAIM);
        driver.runJob(run, EMAIL_HOLDERS);
        assertThat(holds(away)).isTrue();
        assertThat(holds(left)).isFalse();
        assertThat(fixtures.auditActorsOfProcess(run)).containsExactly(noah.id());
        DevMail told = inbox.onlyMessageTo(left.email());
        assertThat(told.subject()).isEqualTo("Your " + product.name() + " license was reclaimed");
        assertThat(told.text()).contains("account disabled", "mailbox data is kept until");
        assertThat(inbox.to(away.email())).isEmpty();

        // The License admins decide for the holder without a manager.
        Task adminsTask = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(run)
                .taskCandidateGroup("license-admins")
                .singleResult();
        driver.complete(licenseAdmin.id(), adminsTask, Map.of("keptLicenses", List.of()));
        driver.runJob(run, RECLAIM);
        driver.runJob(run, EMAIL_HOLDERS);
        assertThat(holds(noManager)).isFalse();

        // Sara never answers; one of her people signs in again meanwhile.
        Api.Response signedIn = Api.at(port)
                .as(userAdmin.id())
                .post(
                        "/api/users/sign-in-activity",
                        "[{\"userId\":\"" + backAtSara.id() + "\",\"lastSignedInOn\":\"" + today + "\"}]");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        driver.advance(Duration.ofDays(14).plusMinutes(1));
        driver.runJob(run, DEADLINE);
        driver.runJob(run, RECLAIM);
        driver.runJob(run, EMAIL_HOLDERS);
        assertThat(holds(idleAtSara)).as("reclaimed by the default").isFalse();
        assertThat(holds(backAtSara)).as("in use again: kept").isTrue();
        assertThat(fixtures.auditRowsOfProcess(run, "LICENSE_UNASSIGNED")).isEqualTo(3);
        assertThat(fixtures.auditActorsOfProcess(run)).contains("idle-license-reclaim");

        driver.runJob(run, REPORT);
        driver.runJob(run, EMAIL_REPORT);
        assertThat(passed(run, "EndEvent_IdleLicensesReclaimed")).isTrue();
        JsonNode report = Api.at(port)
                .as(licenseAdmin.id())
                .get("/api/reclaim-runs/" + run)
                .json();
        assertThat(report.path("idle").asInt()).isEqualTo(5);
        assertThat(report.path("reclaimed").asInt()).isEqualTo(3);
        assertThat(report.path("kept").asInt()).isEqualTo(1);
        assertThat(report.path("inUse").asInt()).isEqualTo(1);
        assertThat(report.path("defaulted").asInt()).isEqualTo(2);
        assertThat(report.path("monthlySaving").decimalValue()).isEqualByComparingTo(new java.math.BigDecimal("27.00"));
        DevMail mail = inbox.onlyMessageTo(licenseAdmin.email());
        assertThat(mail.subject()).startsWith("Idle licenses reclaimed (" + product.name() + "): 3 seats freed");
        assertThat(mail.text()).contains("5 idle licenses found: 3 reclaimed", "1 kept", "1 in use again");

        JsonNode savings = Api.at(port)
                .as(fixtures.admin(BILLING_ADMIN).id())
                .get("/api/savings")
                .json();
        JsonNode row = null;
        for (JsonNode r : savings) {
            if (r.path("productName").asText().equals(product.name())) {
                row = r;
            }
        }
        assertThat(row).as(savings.toString()).isNotNull();
        assertThat(row.path("reclaimedSeats").asInt()).isEqualTo(3);
        assertThat(row.path("idleSeats").asInt())
                .as("Away's kept license is still idle")
                .isEqualTo(1);

        String again = start(product.name());
        driver.runJob(again, REPORT);
        assertThat(passed(again, "EndEvent_NothingIdle"))
                .as("kept within keep-for, none asked about again")
                .isTrue();
        assertThat(inbox.to(licenseAdmin.email())).as("no report of nothing").hasSize(1);
    }

    @Test
    void onlyTheReviewerDecidesNeverAboutTheirOwnLicenseAndOnlyAboutThisReview() {
        DirectoryUser away = holder(noah, today.minusDays(120), true);
        DirectoryUser atSara = holder(sara, today.minusDays(120), true);
        DirectoryUser adminHolder = fixtures.admin(LICENSE_ADMIN);
        fixtures.license(seats, List.of(adminHolder.id()));
        activity(adminHolder, today.minusDays(300), true);
        String run = start(product.id());
        Task noahsTask = taskOf(run, noah.id());
        String before = fixtures.snapshot() + decisions(run);

        assertThatThrownBy(() -> driver.complete(
                        away.id(), noahsTask, Map.of("keptLicenses", List.of(licenseOf(away)), "keepReason", "mine")))
                .as("not the holder's task")
                .isInstanceOf(AuthorizationException.class);
        expectUntrusted(
                () -> driver.complete(
                        noah.id(),
                        noahsTask,
                        Map.of("keptLicenses", List.of(licenseOf(atSara)), "keepReason", "forged")),
                "is not one of the licenses of this review");
        Refusals.expectRefusal(
                () -> driver.complete(noah.id(), noahsTask, Map.of("keptLicenses", List.of(licenseOf(away)))),
                Rule.INVALID_INPUT,
                "Say why the license you keep is still needed");
        Task adminsTask = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(run)
                .taskCandidateGroup("license-admins")
                .singleResult();
        expectUntrusted(
                () -> driver.complete(
                        adminHolder.id(),
                        adminsTask,
                        Map.of("keptLicenses", List.of(licenseOf(adminHolder)), "keepReason", "I need it")),
                "You hold one of these idle licenses");

        assertThat(fixtures.snapshot() + decisions(run)).as("nothing changed").isEqualTo(before);
        assertThat(tasksOf(run)).as("every task still open").hasSize(3);
    }

    @Test
    void onlyLicenseAndGlobalAdminsStartARunAndOnlyUserAdminsFeedActivity() {
        Api employee = Api.at(port).as(fixtures.member().id());
        int runs = runs();
        Api.refused(
                employee.post("/api/reclaim-runs", "{}"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "start a reclaim of idle licenses");
        Api.refused(
                Api.at(port).as(licenseAdmin.id()).post("/api/reclaim-runs", "{\"product\":\"No such product\"}"),
                422,
                "INVALID_INPUT",
                "There is no product 'No such product'");
        assertThat(Api.at(port).post("/api/reclaim-runs", "{}").status())
                .as("anonymous")
                .isEqualTo(401);
        assertThat(runs()).as("nothing started").isEqualTo(runs);
        assertThatThrownBy(() -> driver.as(
                        fixtures.member().id(),
                        () -> engine.getRuntimeService()
                                .startProcessInstanceByMessage(IdleLicenseReclaimProcess.REQUESTED)))
                .as("nor through the engine")
                .isInstanceOf(AuthorizationException.class);

        DirectoryUser someone = fixtures.member();
        Api.refused(
                Api.at(port)
                        .as(licenseAdmin.id())
                        .post(
                                "/api/users/sign-in-activity",
                                "[{\"userId\":\"" + someone.id() + "\",\"accountEnabled\":false}]"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "record users' sign-in activity");
        Api.refused(
                Api.at(port)
                        .as(userAdmin.id())
                        .post(
                                "/api/users/sign-in-activity",
                                "[{\"userId\":\"" + someone.id()
                                        + "\",\"accountEnabled\":false},{\"userId\":\"nobody-here\","
                                        + "\"accountEnabled\":false}]"),
                404,
                "UNKNOWN_USER",
                "nobody-here");
        assertThat(jdbc.sql("select account_enabled from directory_user where id = ?")
                        .param(someone.id())
                        .query(Boolean.class)
                        .single())
                .as("nothing recorded")
                .isTrue();

        Api.refused(
                Api.at(port).as(licenseAdmin.id()).put("/api/reclaim-rules/" + product.id(), "{\"idleDays\":3}"),
                422,
                "INVALID_INPUT",
                "between 7 and 3650");
        Api.Response rule =
                Api.at(port).as(licenseAdmin.id()).put("/api/reclaim-rules/" + product.id(), "{\"idleDays\":30}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        DirectoryUser month = holder(noah, today.minusDays(40), true);
        String run = start(product.id());
        assertThat(driver.shownInForm(noah.id(), taskOf(run, noah.id()), "idleLicenseOptions"))
                .as("the product's own 30 days")
                .contains(month.displayName());
    }

    // Helpers.

    private DirectoryUser holder(DirectoryUser manager, LocalDate lastSignIn, boolean enabled) {
        DirectoryUser user = fixtures.member();
        if (manager != null) {
            fixtures.reportsTo(user, manager);
        }
        fixtures.license(seats, List.of(user.id()));
        activity(user, lastSignIn, enabled);
        return user;
    }

    private void activity(DirectoryUser user, LocalDate lastSignIn, boolean enabled) {
        Api.Response fed = Api.at(port)
                .as(userAdmin.id())
                .post(
                        "/api/users/sign-in-activity",
                        "[{\"userId\":\"" + user.id() + "\",\"lastSignedInOn\":\"" + lastSignIn
                                + "\",\"accountEnabled\":" + enabled + "}]");
        assertThat(fed.status()).as(fed.body()).isEqualTo(200);
    }

    /** Starts a run through the API, as a License admin, and lets it look for idle licenses. */
    private String start(String productName) {
        Api.Response started =
                Api.at(port).as(licenseAdmin.id()).post("/api/reclaim-runs", "{\"product\":\"" + productName + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("runId").asText();
        driver.runJob(id, FIND);
        return id;
    }

    private boolean passed(String processInstanceId, String activityId) {
        return engine.getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .activityId(activityId)
                        .finished()
                        .count()
                == 1;
    }

    private List<Task> tasksOf(String run) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(run)
                .taskDefinitionKey(REVIEW)
                .list();
    }

    private Task taskOf(String run, String assignee) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(run)
                .taskAssignee(assignee)
                .singleResult();
    }

    private String licenseOf(DirectoryUser user) {
        return String.valueOf(fixtures.licenseId(user.id(), product.id()));
    }

    private boolean holds(DirectoryUser user) {
        return fixtures.holds(user.id(), product.id());
    }

    private String decisions(String run) {
        return jdbc.sql("select assignment_id, decision from reclaim_item where run_id = ? order by assignment_id")
                .param(run)
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getString(2))
                .list()
                .toString();
    }

    private int runs() {
        return jdbc.sql("select count(*) from reclaim_run").query(Integer.class).single()
                + (int) engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(IdleLicenseReclaimProcess.KEY)
                        .count();
    }
}

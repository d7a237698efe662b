package com.licenseflow.lifecycle;

import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.support.Refusals.expectUntrusted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "Recertify licenses" (license-recertification.bpmn): confirm, remove, the campaign's default, reminders, refusals. */
@IntegrationTest
class RecertificationTest {

    static final String GATHER = "Activity_GatherLicensesToRecertify";
    static final String REMINDER = "BoundaryEvent_ReminderDue";
    static final String EMAIL_REMINDER = "Activity_EmailReviewerRecertificationReminder";
    static final String DEADLINE = "BoundaryEvent_RecertificationDeadlinePassed";
    static final String RECLAIM = "Activity_ReclaimLicenses";
    static final String EMAIL_HOLDERS = "Activity_EmailHoldersLicenseReclaimed";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    DevMailbox devMailbox;

    Product product;
    long seats;
    DirectoryUser licenseAdmin;
    DirectoryUser noah;
    DirectoryUser sara;
    Inbox inbox;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        inbox = new Inbox(devMailbox);
        product = fixtures.product();
        seats = fixtures.central(product, 10);
        licenseAdmin = fixtures.admin(LICENSE_ADMIN);
        noah = fixtures.member();
        sara = fixtures.member();
    }

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void managersConfirmOrRemoveAreRemindedAndTheCampaignsDefaultDecidesTheRest() {
        DirectoryUser confirmed = holder(noah);
        DirectoryUser removed = holder(noah);
        DirectoryUser unanswered = holder(sara);
        String campaign =
                start("{\"product\":\"" + product.name() + "\",\"deadlineDays\":14,\"whenUnanswered\":\"remove\"}");
        assertThat(tasks(campaign)).hasSize(2);
        Task noahs = taskOf(campaign, noah);
        assertThat(driver.shownInForm(noah.id(), noahs, "licenseReviewSummary"))
                .contains("Recertify the 2 licenses held by people who report to " + noah.displayName());
        assertThat(driver.shownInForm(noah.id(), noahs, "licenseReviewOptions"))
                .contains(confirmed.displayName(), removed.displayName())
                .doesNotContain(unanswered.displayName());

        driver.complete(noah.id(), noahs, Map.of("keptLicenses", List.of(licenseOf(confirmed))));
        driver.runJob(campaign, RECLAIM);
        driver.runJob(campaign, EMAIL_HOLDERS);
        assertThat(holds(confirmed)).isTrue();
        assertThat(holds(removed)).isFalse();
        assertThat(inbox.onlyMessageTo(removed.email()).text())
                .contains("because it was not confirmed as still needed in a license recertification");

        driver.advance(Duration.ofDays(7).plusMinutes(1));
        driver.runJob(campaign, REMINDER);
        driver.runJob(campaign, EMAIL_REMINDER);
        DevMail reminder = inbox.onlyMessageTo(sara.email());
        assertThat(reminder.subject()).startsWith("Reminder: recertify 1 license (" + product.name() + ") by");
        assertThat(inbox.to(noah.email())).as("Noah has answered").isEmpty();

        driver.advance(Duration.ofDays(7));
        driver.runJob(campaign, DEADLINE);
        driver.runJob(campaign, RECLAIM);
        driver.runJob(campaign, EMAIL_HOLDERS);
        assertThat(holds(unanswered)).as("the campaign's default: remove").isFalse();
        driver.runDueJobs(campaign);
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(campaign)
                        .count())
                .isZero();

        JsonNode report = Api.at(port)
                .as(licenseAdmin.id())
                .get("/api/reclaim-runs/" + campaign)
                .json();
        assertThat(report.path("recertification").asBoolean()).isTrue();
        assertThat(report.path("kept").asInt()).isEqualTo(1);
        assertThat(report.path("reclaimed").asInt()).isEqualTo(2);
        assertThat(report.path("defaulted").asInt()).isEqualTo(1);
        DevMail done = inbox.onlyMessageTo(licenseAdmin.email());
        assertThat(done.subject()).isEqualTo("License recertification done (" + product.name() + ")");
        assertThat(done.text())
                .contains("3 licenses recertified: 1 confirmed, 2 removed (€18.00 per month saved); "
                        + "1 decided by the campaign's default at the deadline.");
    }

    @Test
    void onlyAdminsStartACampaignAndManagersDecideOnlyAboutTheirOwnReview() {
        DirectoryUser atNoah = holder(noah);
        DirectoryUser atSara = holder(sara);
        Api.refused(
                Api.at(port).as(fixtures.member().id()).post("/api/recertifications", "{}"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "start a license recertification");
        Api.refused(
                Api.at(port).as(licenseAdmin.id()).post("/api/recertifications", "{\"whenUnanswered\":\"ignore\"}"),
                422,
                "INVALID_INPUT",
                "'confirm' or 'remove'");
        Api.refused(
                Api.at(port).as(licenseAdmin.id()).post("/api/recertifications", "{\"deadlineDays\":0}"),
                422,
                "INVALID_INPUT",
                "between 1 and 90 days");

        String campaign = start("{\"product\":\"" + product.id() + "\"}");
        String before = fixtures.snapshot();
        expectUntrusted(
                () -> driver.complete(
                        noah.id(),
                        taskOf(campaign, noah),
                        Map.of("keptLicenses", List.of(licenseOf(atNoah), licenseOf(atSara)))),
                "is not one of the licenses of this review");
        assertThat(fixtures.snapshot()).isEqualTo(before);
        assertThat(tasks(campaign)).hasSize(2);
        assertThat(holds(atSara)).isTrue();
    }

    private DirectoryUser holder(DirectoryUser manager) {
        DirectoryUser user = fixtures.member();
        fixtures.reportsTo(user, manager);
        fixtures.license(seats, List.of(user.id()));
        return user;
    }

    private String start(String json) {
        Api.Response started = Api.at(port).as(licenseAdmin.id()).post("/api/recertifications", json);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("runId").asText();
        driver.runJob(id, GATHER);
        return id;
    }

    private List<Task> tasks(String campaign) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(campaign)
                .taskDefinitionKey("Activity_RecertifyLicenses")
                .list();
    }

    private Task taskOf(String campaign, DirectoryUser assignee) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(campaign)
                .taskAssignee(assignee.id())
                .singleResult();
    }

    private String licenseOf(DirectoryUser user) {
        return String.valueOf(fixtures.licenseId(user.id(), product.id()));
    }

    private boolean holds(DirectoryUser user) {
        return fixtures.holds(user.id(), product.id());
    }
}

package com.licenseflow.request;

import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.support.Refusals.refusedAndStillWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.shared.Rule;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Licenses that end: the end date asked for or given by the policy, the notice, an extension, the end. */
@IntegrationTest
class LicenseEndProcessTest {

    static final String NOTICE_DUE = "Event_EndNoticeDue";
    static final String ASK = "Activity_AskForAnExtension";
    static final String APPROVE_EXTENSION = "Activity_ApproveLicenseExtension";
    static final String END_WHILE_ASKING = "BoundaryEvent_EndDateReachedWhileAsking";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LicenseRequestRepository requests;

    @Autowired
    DevMailbox devMailbox;

    @Autowired
    Clock clock;

    Product exploratory;
    DirectoryUser manager;
    DirectoryUser holder;
    DirectoryUser globalAdmin;
    Inbox inbox;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        inbox = new Inbox(devMailbox);
        exploratory = fixtures.namedProduct("TEAMS_EXPLORATORY", "Microsoft Teams Exploratory", "0.00");
        fixtures.central(exploratory, 10);
        manager = fixtures.member();
        holder = fixtures.member();
        fixtures.reportsTo(holder, manager);
        globalAdmin = fixtures.admin(GLOBAL_ADMIN);
    }

    @AfterEach
    void tearDown() {
        driver.resetClock();
    }

    @Test
    void aLicenseAskedForUntilADayIsToldAboutBeforeAndEndsOnThatDay() {
        LocalDate endsOn = LocalDate.now(clock).plusDays(20);
        ProcessInstance pi = request(holder, exploratory, endsOn);
        driver.runJob(pi.getId(), "Activity_NotifyRequestOutcome");
        assertThat(endDateOfLicense(holder)).isEqualTo(endsOn);
        ProcessInstance end = licenseEndOf(pi);
        BpmnAwareTests.assertThat(end).isWaitingAt(NOTICE_DUE);

        driver.advance(Duration.ofDays(13).plusMinutes(1));
        driver.runJob(end.getId(), NOTICE_DUE);
        driver.runJob(end.getId(), "Activity_EmailHoldersAndManagersLicenseEndsSoon");

        assertThat(inbox.onlyMessageTo(manager.email()).subject())
                .isEqualTo("Microsoft Teams Exploratory ends on " + day(endsOn));
        assertThat(inbox.to(holder.email()))
                .anyMatch(
                        m -> m.text().contains(holder.displayName()) && m.text().contains("ask for an extension"));
        Task ask = driver.task(end.getId(), ASK);
        assertThat(engine.getTaskService().getIdentityLinksForTask(ask.getId()))
                .extracting(IdentityLink::getUserId)
                .containsExactlyInAnyOrder(holder.id(), manager.id());

        driver.advance(Duration.ofDays(7));
        driver.runJob(end.getId(), END_WHILE_ASKING);

        assertThat(holds(holder)).isFalse();
        assertThat(jdbc.sql("select actor from audit_log where user_id = ? and action = 'LICENSE_UNASSIGNED'")
                        .param(holder.id())
                        .query(String.class)
                        .single())
                .isEqualTo(LicenseEnds.END_DATE.userId());
        driver.runJob(end.getId(), "Activity_EmailHoldersLicenseEnded");
        assertThat(inbox.to(holder.email()))
                .anyMatch(m -> m.subject().equals("Your Microsoft Teams Exploratory license " + "has ended"));
        BpmnAwareTests.assertThat(end).isEnded();
        BpmnAwareTests.assertThat(pi).isEnded();
    }

    @Test
    void anExtensionAskedByTheManagerAndApprovedMovesTheEndAndTheNoticeComesAgain() {
        LocalDate endsOn = LocalDate.now(clock).plusDays(20);
        LocalDate extended = endsOn.plusDays(60);
        ProcessInstance pi = request(holder, exploratory, endsOn);
        driver.runJob(pi.getId(), "Activity_NotifyRequestOutcome");
        ProcessInstance end = licenseEndOf(pi);
        driver.advance(Duration.ofDays(13).plusMinutes(1));
        driver.runJob(end.getId(), NOTICE_DUE);
        driver.runJob(end.getId(), "Activity_EmailHoldersAndManagersLicenseEndsSoon");

        refusedAndStillWaiting(
                fixtures,
                end,
                ASK,
                () -> driver.complete(
                        manager.id(),
                        driver.task(end.getId(), ASK),
                        Map.of(
                                "extendUntil",
                                endsOn.minusDays(1).toString(),
                                "extensionReason",
                                "Project runs longer")),
                Rule.INVALID_INPUT,
                "Choose a day after");
        driver.complete(
                manager.id(),
                driver.task(end.getId(), ASK),
                Map.of("extendUntil", extended.toString(), "extensionReason", "Project runs longer"));

        Task approve = driver.task(end.getId(), APPROVE_EXTENSION);
        assertThat(engine.getTaskService().getIdentityLinksForTask(approve.getId()))
                .extracting(IdentityLink::getGroupId)
                .as("a shortened approval: the request approvers alone")
                .containsExactly("global-admins");
        String before = fixtures.snapshot();
        assertThatThrownBy(() -> driver.complete(holder.id(), approve, Map.of("extensionDecision", "approve")))
                .as("not theirs to approve")
                .isInstanceOf(AuthorizationException.class);
        assertThat(fixtures.snapshot()).isEqualTo(before);
        driver.complete(globalAdmin.id(), approve, Map.of("extensionDecision", "approve"));

        assertThat(endDateOfLicense(holder)).isEqualTo(extended);
        assertThat(requests.findByProcessInstance(pi.getId()).orElseThrow().endsOn())
                .isEqualTo(extended);
        BpmnAwareTests.assertThat(end).isWaitingAt(NOTICE_DUE);
        driver.advance(Duration.ofDays(7));
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(end.getId())
                        .executable()
                        .count())
                .as("nothing ends on the old day")
                .isZero();
        assertThat(holds(holder)).isTrue();
    }

    @Test
    void aGuestsLicenseEndsAfterTheNinetyDaysOfThePolicy() {
        DirectoryUser guest = fixtures.guest();
        ProcessInstance pi = request(holder, exploratory, null, guest);

        Task stage = driver.task(pi.getId(), "Activity_ApproveLicenseRequestAtStage");
        assertThat(stage.getAssignee()).isEqualTo(manager.id());
        driver.complete(manager.id(), stage, Map.of("stageDecision", "approve"));
        driver.complete(
                globalAdmin.id(),
                driver.task(pi.getId(), "Activity_ReviewLicenseRequest"),
                Map.of("decision", "approve"));

        assertThat(endDateOfLicense(guest)).isEqualTo(LocalDate.now(clock).plusDays(90));
    }

    @Test
    void anEndDateInThePastIsRefusedAtTheStartWithNothingCreated() {
        long before = jdbc.sql("select count(*) from license_request")
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> request(holder, exploratory, LocalDate.now(clock)))
                .hasMessageContaining("which is not after today");

        assertThat(jdbc.sql("select count(*) from license_request")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private ProcessInstance request(DirectoryUser who, Product product, LocalDate endsOn, DirectoryUser... colleagues) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestedProduct", product.name());
        variables.put(
                "requestedColleagues",
                String.join(
                        ",",
                        java.util.Arrays.stream(colleagues)
                                .map(DirectoryUser::id)
                                .toList()));
        variables.put("justification", "Needed for a project");
        if (endsOn != null) {
            variables.put("licenseEndsOn", endsOn.toString());
        }
        return driver.as(who.id(), () -> runtime.startProcessInstanceByKey(LicenseRequestProcess.KEY, variables));
    }

    private ProcessInstance licenseEndOf(ProcessInstance pi) {
        return runtime.createProcessInstanceQuery()
                .superProcessInstanceId(pi.getId())
                .singleResult();
    }

    private LocalDate endDateOfLicense(DirectoryUser user) {
        return jdbc.sql("select ends_on from license_assignment where user_id = ? and active_product_id is not null")
                .param(user.id())
                .query(LocalDate.class)
                .single();
    }

    private boolean holds(DirectoryUser user) {
        return jdbc.sql("select count(*) from license_assignment where user_id = ? and active_product_id is not null")
                        .param(user.id())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static String day(LocalDate date) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy").format(date);
    }
}

package com.licenseflow.lifecycle;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.AssignmentMode;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Low-seat alerts through "Watch seats" (seat-watch.bpmn) and the API that sets them. */
@IntegrationTest
class LowSeatAlertTest {

    static final String EMAIL_STEP = "Activity_EmailBillingAdminsSeatsRunningLow";

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
    LicenseAssignmentService assignments;

    Product product;
    long seats;
    DirectoryUser billingAdmin;
    Inbox inbox;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        inbox = new Inbox(devMailbox);
        product = fixtures.product();
        seats = fixtures.central(product, 5);
        billingAdmin = fixtures.admin(BILLING_ADMIN);
        Api.Response set =
                Api.at(port).as(billingAdmin.id()).put("/api/seat-alerts/" + product.id(), "{\"minFreeSeats\":2}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("threshold").asText()).isEqualTo("fewer than 2 free seats");
    }

    @Test
    void crossingTheThresholdEmailsTheBillingAdminsOncePerCrossing() {
        fixtures.license(seats, fixtures.members(3));
        assertThat(check()).as("2 free is not fewer than 2").isNull();
        assertThat(alertsFor(product)).isEmpty();

        List<String> fourth = fixtures.members(1);
        assignments.assign(
                ChangeContext.byUser(fixtures.admin(LICENSE_ADMIN).asActor(), "new hire"),
                new AssignLicenses(product.id(), seats, fourth, java.util.Set.of(), AssignmentMode.ADD));
        ProcessInstance alerted = check();
        driver.runJob(alerted.getId(), EMAIL_STEP);

        DevMail mail = inbox.to(billingAdmin.email()).stream()
                .filter(m -> m.subject().startsWith(product.name() + " "))
                .findFirst()
                .orElseThrow();
        assertThat(mail.subject()).isEqualTo(product.name() + " is running out of seats: 1 of 5 free");
        assertThat(mail.text())
                .contains(
                        "fewer than 2 free seats",
                        "1 license given out and 0 removed in the last 30 days",
                        "buy more seats");
        BpmnAwareTests.assertThat(alerted).isEnded();

        check();
        assertThat(alertsFor(product)).as("once per crossing").hasSize(1);

        assignments.unassign(
                ChangeContext.byUser(fixtures.admin(LICENSE_ADMIN).asActor(), "no longer needed"),
                product.id(),
                fourth);
        check();
        assertThat(jdbc.sql("select below from product_seat_alert where product_id = ?")
                        .param(product.id())
                        .query(Boolean.class)
                        .single())
                .as("enough seats again: armed")
                .isFalse();

        fixtures.license(seats, fixtures.members(1));
        driver.runJob(check().getId(), EMAIL_STEP);
        assertThat(alertsFor(product)).as("a new crossing, a new alert").hasSize(2);
    }

    @Test
    void onlyBillingAndGlobalAdminsSetAlertsAndABadThresholdChangesNothing() {
        Api licenseAdmin = Api.at(port).as(fixtures.admin(LICENSE_ADMIN).id());
        Api billing = Api.at(port).as(billingAdmin.id());

        Api.refused(
                licenseAdmin.put("/api/seat-alerts/" + product.id(), "{\"minFreeSeats\":4}"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "set low-seat alerts");
        Api.refused(
                billing.put("/api/seat-alerts/" + product.id(), "{\"minFreeSeats\":4,\"minFreePercent\":10}"),
                422,
                "INVALID_INPUT",
                "not both");
        Api.refused(
                billing.put("/api/seat-alerts/" + product.id(), "{\"minFreePercent\":100}"),
                422,
                "INVALID_INPUT",
                "between 1 and 99 %");
        Api.refused(
                Api.at(port).as(fixtures.member().id()).get("/api/seat-alerts"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "set low-seat alerts");

        assertThat(jdbc.sql("select min_free_seats from product_seat_alert where product_id = ?")
                        .param(product.id())
                        .query(Integer.class)
                        .single())
                .as("unchanged")
                .isEqualTo(2);
        assertThat(billing.get("/api/seat-alerts").json())
                .anyMatch(a -> a.path("productId").asText().equals(product.id())
                        && a.path("freeSeats").asInt() == 5);
    }

    /** Runs the timer of "Watch seats" now; returns the instance when it waits to send alerts. */
    private ProcessInstance check() {
        ManagementService management = engine.getManagementService();
        List<String> waitingBefore =
                waitingToSend().stream().map(ProcessInstance::getId).toList();
        Job timer = management
                .createJobQuery()
                .processDefinitionKey(SeatWatchProcess.KEY)
                .timers()
                .singleResult();
        management.executeJob(timer.getId());
        return waitingToSend().stream()
                .filter(pi -> !waitingBefore.contains(pi.getId()))
                .findFirst()
                .orElse(null);
    }

    private List<ProcessInstance> waitingToSend() {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(SeatWatchProcess.KEY)
                .activityIdIn(EMAIL_STEP)
                .list();
    }

    private List<DevMail> alertsFor(Product p) {
        return inbox.to(billingAdmin.email()).stream()
                .filter(m -> m.subject().startsWith(p.name() + " "))
                .toList();
    }
}

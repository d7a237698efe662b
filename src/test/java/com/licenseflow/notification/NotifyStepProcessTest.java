package com.licenseflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.notification.devserver.EmbeddedSmtpServer;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A notify step as the processes use it, through the real engine: an email step (an external task
 * the mail worker carries out) after the deciding step. Jobs and the worker are run by the test.
 */
@IntegrationTest
class NotifyStepProcessTest {

    private static final String PROCESS = "test-notify-after-decision";

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    NotificationStore store;

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    DevMailbox devMailbox;

    @Autowired
    MailWorker worker;

    @Autowired
    ExternalTaskService externalTasks;

    Inbox inbox;
    String recipient;

    @BeforeEach
    void setUp() {
        repository
                .createDeployment()
                .name(PROCESS)
                .enableDuplicateFiltering(true)
                .addClasspathResource("bpmn/" + PROCESS + ".bpmn")
                .deploy();
        inbox = new Inbox(devMailbox);
        recipient = Fixtures.unique("notified") + "@test.example";
    }

    private ProcessInstance start(boolean decisionFails) {
        return runtime.startProcessInstanceByKey(
                PROCESS,
                Fixtures.unique("request"),
                Map.of(
                        "recipientEmail",
                        recipient,
                        "recipientName",
                        "Noah Bakker",
                        "product",
                        "Visio Plan 2",
                        "decisionFails",
                        decisionFails));
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .singleResult();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ExternalTask emailStep(ProcessInstance instance) {
        return externalTasks
                .createExternalTaskQuery()
                .processInstanceId(instance.getId())
                .activityId("notify")
                .singleResult();
    }

    private boolean ended(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .singleResult()
                == null;
    }

    @Test
    void aRolledBackDecisionSendsNothingAndMailGoesOutOnlyAfterTheDecisionCommitted() {
        ProcessInstance instance = start(true);

        assertThatThrownBy(() -> management.executeJob(job(instance, "decide").getId()))
                .hasMessageContaining("The decision failed");
        assertThat(job(instance, "notify"))
                .as("no notify job after the rolled-back decision")
                .isNull();
        assertThat(runtime.getVariable(instance.getId(), "approved"))
                .as("the decision was rolled back")
                .isNull();
        assertThat(store.find(TestNotifyStep.key(instance.getId())))
                .as("nothing recorded")
                .isEmpty();
        assertThat(inbox.to(recipient)).as("nothing sent").isEmpty();

        runtime.setVariable(instance.getId(), "decisionFails", false);
        management.executeJob(job(instance, "decide").getId());
        assertThat(emailStep(instance))
                .as("the decision committed; the email step waits for the worker")
                .isNotNull();
        assertThat(inbox.to(recipient))
                .as("nothing is sent inside the deciding transaction")
                .isEmpty();

        assertThat(worker.runFor(instance.getId())).isEqualTo(1);
        assertThat(ended(instance)).isTrue();
        assertThat(inbox.onlyMessageTo(recipient).subject()).isEqualTo("Your license for Visio Plan 2 is ready");
    }

    @Test
    void smtpDownUsesUpTheRetriesIntoAnIncidentAndARetryAfterItIsBackDeliversExactlyOnceAndAtOnce() {
        ProcessInstance instance = start(false);
        management.executeJob(job(instance, "decide").getId());
        String key = TestNotifyStep.key(instance.getId());

        smtp.stop();
        try {
            for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
                assertThat(worker.runFor(instance.getId())).isEqualTo(1);
                ExternalTask step = emailStep(instance);
                assertThat(step.getRetries()).as("three tries").isEqualTo(retriesLeft);
                assertThat(step.getErrorMessage())
                        .contains("1 of 1 email not delivered: '" + key + "' to " + recipient);
                if (retriesLeft > 0) {
                    assertThat(worker.runFor(instance.getId()))
                            .as("the next try waits a minute")
                            .isZero();
                    ClockUtil.setCurrentTime(
                            new java.util.Date(ClockUtil.getCurrentTime().getTime() + 61_000));
                }
            }
        } finally {
            smtp.start();
        }
        Incident incident = runtime.createIncidentQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident).as("an incident, as Cockpit shows it").isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.EXTERNAL_TASK_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("notify");
        assertThat(incident.getIncidentMessage()).contains("not delivered", key);
        NotificationRecord failed = store.find(key).orElseThrow();
        assertThat(failed.status()).isEqualTo(NotificationStatus.QUEUED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isNotBlank();

        // What "Increment retries" in Cockpit does, a moment later (the test's clock stands still); the step
        // is due at once, not a retry interval later.
        ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 1_000));
        externalTasks.setRetries(emailStep(instance).getId(), 1);
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        assertThat(worker.runFor(instance.getId())).isEqualTo(1);

        assertThat(ended(instance)).isTrue();
        assertThat(inbox.onlyMessageTo(recipient).subject()).isEqualTo("Your license for Visio Plan 2 is ready");
        NotificationRecord sent = store.find(key).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(4);
    }

    @Test
    void anAttemptCutOffAfterTheServerMayHaveAcceptedItIsNotRepeatedUntilAnAdminRetries() {
        ProcessInstance instance = start(false);
        management.executeJob(job(instance, "decide").getId());
        String key = TestNotifyStep.key(instance.getId());
        // A node recorded its attempt and died before it learnt the server's answer; its lock ran out.
        long id = store.insert(
                        new Notification(
                                key,
                                NotificationKind.LICENSE_REQUEST_APPROVED,
                                recipient,
                                "Noah Bakker",
                                Map.of("product", "Visio Plan 2"),
                                instance.getId(),
                                null,
                                null),
                        MailHeaders.recipient(recipient, "Noah Bakker"),
                        new RenderedMail("Your license for Visio Plan 2 is ready", "text", "<p>html</p>"))
                .id();
        store.startAttempt(id);

        assertThat(worker.runFor(instance.getId())).isEqualTo(1);

        assertThat(inbox.to(recipient)).as("not sent again by itself").isEmpty();
        Incident incident = runtime.createIncidentQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        assertThat(incident)
                .as("at once, without retries: only a person can tell")
                .isNotNull();
        assertThat(incident.getIncidentMessage()).contains("may have been delivered", key);
        assertThat(worker.runFor(instance.getId())).isZero();

        externalTasks.setRetries(emailStep(instance).getId(), 1);
        assertThat(worker.runFor(instance.getId())).isEqualTo(1);
        assertThat(ended(instance)).isTrue();
        assertThat(inbox.onlyMessageTo(recipient).subject()).isEqualTo("Your license for Visio Plan 2 is ready");
        assertThat(store.find(key).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    }
}

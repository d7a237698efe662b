package com.licenseflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.notification.devserver.EmbeddedSmtpServer;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A notify step as the processes use it, through the real engine: an async service task with a
 * retry cycle after the deciding step. Jobs are run by the test (the job executor is off in tests).
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

    Inbox inbox;
    String recipient;

    @BeforeEach
    void setUp() {
        repository.createDeployment().name(PROCESS).enableDuplicateFiltering(true)
                .addClasspathResource("bpmn/" + PROCESS + ".bpmn").deploy();
        inbox = new Inbox(devMailbox);
        recipient = Fixtures.unique("notified") + "@test.example";
    }

    private ProcessInstance start(boolean decisionFails) {
        return runtime.startProcessInstanceByKey(PROCESS, Fixtures.unique("request"), Map.of(
                "recipientEmail", recipient, "recipientName", "Noah Bakker", "product", "Visio Plan 2",
                "decisionFails", decisionFails));
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private boolean ended(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult() == null;
    }

    @Test
    void aRolledBackDecisionSendsNothingAndMailGoesOutOnlyAfterTheDecisionCommitted() {
        ProcessInstance instance = start(true);

        assertThatThrownBy(() -> management.executeJob(job(instance, "decide").getId()))
                .hasMessageContaining("The decision failed");
        assertThat(job(instance, "notify")).as("no notify job after the rolled-back decision").isNull();
        assertThat(runtime.getVariable(instance.getId(), "approved")).as("the decision was rolled back").isNull();
        assertThat(store.find(TestNotifyStep.key(instance.getId()))).as("nothing recorded").isEmpty();
        assertThat(inbox.to(recipient)).as("nothing sent").isEmpty();

        runtime.setVariable(instance.getId(), "decisionFails", false);
        management.executeJob(job(instance, "decide").getId());
        assertThat(job(instance, "notify")).as("the decision committed; notifying waits in its own job").isNotNull();
        assertThat(inbox.to(recipient)).as("nothing is sent inside the deciding transaction").isEmpty();

        management.executeJob(job(instance, "notify").getId());
        assertThat(ended(instance)).isTrue();
        assertThat(inbox.onlyMessageTo(recipient).subject()).isEqualTo("Your license for Visio Plan 2 is ready");
    }

    @Test
    void smtpDownUsesUpTheRetriesIntoAnIncidentAndARetryAfterItIsBackDeliversExactlyOnce() {
        ProcessInstance instance = start(false);
        management.executeJob(job(instance, "decide").getId());
        String key = TestNotifyStep.key(instance.getId());

        smtp.stop();
        try {
            for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
                assertThatThrownBy(() -> management.executeJob(job(instance, "notify").getId()))
                        .isInstanceOf(NotificationDeliveryException.class)
                        .hasMessageContaining("1 of 1 notification(s) not delivered: '" + key + "' to " + recipient);
                assertThat(job(instance, "notify").getRetries()).as("R3/PT1M: three tries").isEqualTo(retriesLeft);
            }
        } finally {
            smtp.start();
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).as("an incident, as Cockpit shows it").isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("notify");
        assertThat(incident.getIncidentMessage()).contains("not delivered", key);
        NotificationRecord failed = store.find(key).orElseThrow();
        assertThat(failed.status()).isEqualTo(NotificationStatus.QUEUED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isNotBlank();

        // What "Increment retries" in Cockpit does, then the job executor's run of the job.
        management.setJobRetries(job(instance, "notify").getId(), 1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        management.executeJob(job(instance, "notify").getId());

        assertThat(ended(instance)).isTrue();
        assertThat(inbox.onlyMessageTo(recipient).subject()).isEqualTo("Your license for Visio Plan 2 is ready");
        NotificationRecord sent = store.find(key).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(4);
    }
}

package com.licenseflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** A refusal at a process's start (Tasklist's Start, the API) is one line in the log, not an ERROR and its trace. */
@IntegrationTest
class ExpectedRefusalLoggingTest {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Fixtures fixtures;

    private final ListAppender<ILoggingEvent> engine = new ListAppender<>();
    private final ListAppender<ILoggingEvent> refusals = new ListAppender<>();

    @BeforeEach
    void listen() {
        attach(ExpectedRefusalLogging.ENGINE_CONTEXT, engine);
        attach("com.licenseflow.refusals", refusals);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(ExpectedRefusalLogging.ENGINE_CONTEXT)).detachAppender(engine);
        ((Logger) LoggerFactory.getLogger("com.licenseflow.refusals")).detachAppender(refusals);
    }

    @Test
    void aRequestRefusedAtItsStartIsLoggedAsOneLineNotAsAnError() {
        DirectoryUser employee = fixtures.member();
        assertThatThrownBy(() -> driver.as(
                        employee.id(),
                        () -> runtime.startProcessInstanceByKey(
                                "license-request",
                                Map.of("requestedProduct", "No such product", "justification", "needed"))))
                .hasMessageContaining("No such product");

        assertThat(engine.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        assertThat(refusals.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).contains("No such product");
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    private static void attach(String name, ListAppender<ILoggingEvent> appender) {
        appender.start();
        ((Logger) LoggerFactory.getLogger(name)).addAppender(appender);
    }
}

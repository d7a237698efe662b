package com.licenseflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application and a real database: H2 by default, PostgreSQL (a fresh
 * schema per Spring context) when the suite runs with -Dlicenseflow.test.database=postgres. All
 * such tests share one Spring context, so the suite starts the engine once per database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.class)
@Import({Fixtures.class, ProcessDriver.class, EngineState.class})
@ExtendWith({TestDatabase.class, AuditInWords.class})
@Tag("database")
public @interface IntegrationTest {}

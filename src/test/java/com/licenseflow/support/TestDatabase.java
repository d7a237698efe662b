package com.licenseflow.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Which database the integration tests run on. The PostgreSQL suite is skipped, with a reason,
 * when nothing listens on 127.0.0.1:5432 - unless LICENSEFLOW_POSTGRES_REQUIRED=1 (as in .ci/run),
 * which turns that into a failure so CI can never pass without having run it.
 */
public class TestDatabase implements ActiveProfilesResolver, ExecutionCondition {

    public static final String PROPERTY = "licenseflow.test.database";

    public static boolean onPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return onPostgres() ? new String[] {"test", "postgres", "postgres-test"} : new String[] {"test"};
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!onPostgres() || postgresListening()) {
            return ConditionEvaluationResult.enabled("database available");
        }
        if ("1".equals(System.getenv("LICENSEFLOW_POSTGRES_REQUIRED"))) {
            throw new IllegalStateException("PostgreSQL suite required but nothing listens on 127.0.0.1:5432");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL is not reachable on 127.0.0.1:5432; suite skipped");
    }

    /** Whether anything listens on 127.0.0.1:5432. */
    public static boolean postgresListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

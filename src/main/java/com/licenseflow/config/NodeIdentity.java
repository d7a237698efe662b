package com.licenseflow.config;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Names this node before anything logs: {@code licenseflow.node.id} as configured, else the host
 * name and process id ({@code host-4711}). The log pattern, the answers' {@code X-LicenseFlow-Node}
 * header and the locks the node holds on shared work all use it.
 */
class NodeIdentity implements EnvironmentPostProcessor {

    static final String PROPERTY = "licenseflow.node.id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            // The JVM calls itself "pid@host".
            String[] jvm = ManagementFactory.getRuntimeMXBean().getName().split("@", 2);
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "licenseflow-node-id", Map.of(PROPERTY, (jvm.length == 2 ? jvm[1] + "-" : "") + jvm[0])));
        }
    }
}

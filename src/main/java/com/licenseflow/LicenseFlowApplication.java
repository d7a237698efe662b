package com.licenseflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * LicenseFlow: the license inventory, its rules and the Camunda processes that change it.
 * Deployed as a process application so that processes/*.bpmn and forms/*.form (copied onto the
 * classpath by Maven) are deployed together and forms resolve with binding "deployment".
 */
@SpringBootApplication
@EnableProcessApplication("licenseflow")
@ConfigurationPropertiesScan
@EnableScheduling
public class LicenseFlowApplication {

    static {
        // Camunda creates a javax.xml DatatypeFactory for every timer it schedules (reminders,
        // deadlines, term ends). Unless this standard property names the factory, the JDK scans every
        // jar on the class path for a provider each time - most of the cost of scheduling a timer.
        if (System.getProperty("javax.xml.datatype.DatatypeFactory") == null) {
            System.setProperty(
                    "javax.xml.datatype.DatatypeFactory",
                    "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(LicenseFlowApplication.class, args);
    }
}

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

    public static void main(String[] args) {
        SpringApplication.run(LicenseFlowApplication.class, args);
    }
}

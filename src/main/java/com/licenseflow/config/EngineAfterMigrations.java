package com.licenseflow.config;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine is built only after Flyway has migrated LicenseFlow's tables, whichever bean
 * happens to ask for the engine first. Flyway refuses to migrate a database that already holds
 * tables it does not know, so the engine creating its own first would stop the start.
 */
class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngineFactoryBean.class, ProcessEngine.class, ProcessEngineConfiguration.class);
    }
}

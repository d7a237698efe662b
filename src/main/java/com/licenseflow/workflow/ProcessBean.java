package com.licenseflow.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean the BPMN models may name in an expression ({@code ${registerLicenseRequest}},
 * {@code ${takeoverForm.summary(execution)}}). Only beans carrying this annotation are reachable
 * from expressions: no repository, JDBC template or engine service can be called from one, whatever
 * expression reaches the engine.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcessBean {}

package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.notification.MailStep;
import com.licenseflow.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A step a designer sees in the diagram has one name: "Reserve central seats" is the bean
 * {@code reserveCentralSeats} and the class {@code ReserveCentralSeatsDelegate} (an email step's
 * class is {@code EmailPurchaserPleaseCancel}, a MailStep, its topic the bean's name).
 */
@IntegrationTest
class StepNamesTest {

    private static final Pattern TASK = Pattern.compile("<bpmn:serviceTask\\s([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:]+)=\"([^\"]*)\"");

    @Autowired
    ApplicationContext context;

    record Step(String model, String id, String name, String reference, boolean email) {}

    @Test
    void everyStepsBeanAndClassAreNamedAsTheStep() throws IOException {
        List<Step> steps = steps();
        assertThat(steps).hasSizeGreaterThan(30);
        List<String> wrong = new ArrayList<>();
        for (Step step : steps) {
            String bean = lowerCamel(step.name());
            String expected = step.email() ? bean : "${" + bean + "}";
            if (!expected.equals(step.reference())) {
                wrong.add(step.model() + " " + step.id() + " \"" + step.name() + "\" calls " + step.reference()
                        + ", not " + expected);
                continue;
            }
            Object target = context.getBean(bean);
            String className = AopUtils.getTargetClass(target).getSimpleName();
            String expectedClass = upperCamel(step.name()) + (step.email() ? "" : "Delegate");
            if (!className.equals(expectedClass)) {
                wrong.add(step.model() + " \"" + step.name() + "\": class " + className + ", not " + expectedClass);
            }
            assertThat(target).isInstanceOf(step.email() ? MailStep.class : JavaDelegate.class);
        }
        assertThat(wrong).as("steps whose bean or class is named otherwise").isEmpty();
    }

    private static List<Step> steps() throws IOException {
        List<Step> steps = new ArrayList<>();
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model :
                    models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                Matcher task = TASK.matcher(Files.readString(model));
                while (task.find()) {
                    var attributes = ATTRIBUTE
                            .matcher(task.group(1))
                            .results()
                            .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));
                    boolean email = "external".equals(attributes.get("camunda:type"));
                    steps.add(new Step(
                            model.getFileName().toString(),
                            attributes.get("id"),
                            attributes.get("name"),
                            email ? attributes.get("camunda:topic") : attributes.get("camunda:delegateExpression"),
                            email));
                }
            }
        }
        return steps;
    }

    private static String upperCamel(String name) {
        return Arrays.stream(name.split("[^A-Za-z0-9]+"))
                .filter(w -> !w.isEmpty())
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }

    private static String lowerCamel(String name) {
        String upper = upperCamel(name);
        return Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    }
}

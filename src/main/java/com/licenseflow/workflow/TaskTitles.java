package com.licenseflow.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives each new task its subject after the step's name, from the {@link TaskSubject} of its process (the engine's
 * Spring event bridge tells of every task as it is created, in its transaction). The diagrams keep the plain step
 * names a designer sees in Camunda Modeler.
 */
@Component
class TaskTitles {

    private final Map<String, TaskSubject> subjects;
    private final RepositoryService repository;

    TaskTitles(List<TaskSubject> subjects, @Lazy RepositoryService repository) {
        this.subjects = subjects.stream()
                .flatMap(subject -> subject.processKeys().stream().map(key -> Map.entry(key, subject)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        this.repository = repository;
    }

    private static final int MAX_NAME = 255;

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void created(DelegateTask task) {
        if (task.getProcessDefinitionId() == null || task.getName() == null) {
            return;
        }
        // The deployment cache answers this: no database round trip per task.
        String key =
                repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        Optional.ofNullable(subjects.get(key))
                .flatMap(subject -> subject.of(task))
                .filter(words -> !words.isBlank())
                .ifPresent(words -> task.setName(fitting(task.getName() + ": " + words)));
    }

    /** A task's name holds at most 255 characters (the engine's column). */
    private static String fitting(String title) {
        return title.length() <= MAX_NAME ? title : title.substring(0, MAX_NAME - 1) + "…";
    }
}

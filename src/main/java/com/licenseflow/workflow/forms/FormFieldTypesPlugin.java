package com.licenseflow.workflow.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.type.AbstractFormFieldType;
import org.springframework.stereotype.Component;

/** Registers the {@code json} and {@code shown} form field types the models' forms use. */
@Component
class FormFieldTypesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<AbstractFormFieldType> types = configuration.getCustomFormTypes() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomFormTypes());
        types.add(JsonFormFieldType.kept());
        types.add(JsonFormFieldType.shown());
        configuration.setCustomFormTypes(types);
    }
}

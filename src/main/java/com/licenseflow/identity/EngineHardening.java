package com.licenseflow.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine settings that keep governance from being bypassed through Camunda itself, each one
 * a mitigation the README's "Production checklist" names:
 * <ul>
 *   <li>expressions reach only the {@code @ProcessBean} beans, never the whole application context;</li>
 *   <li>a refusal by LicenseFlow inside an engine command keeps its own status at the engine's REST
 *       doors ({@link EngineRefusals});</li>
 *   <li>no query expression is evaluated but the two LicenseFlow's Tasklist filters use
 *       ({@link QueryExpressionGuard});</li>
 *   <li>variable values are deserialized only into allowed types; Java serialization stays off;</li>
 *   <li>a task's candidates may claim and complete it (TASK_WORK), not change who else may
 *       (adding candidate groups, assignees or variables needs a Global administrator);</li>
 *   <li>wrong passwords slow an account down (3 s, doubling, at most 60 s) but never lock it for good:
 *       a permanent lock would let anyone lock out the only Global administrator.</li>
 * </ul>
 */
@Component
class EngineHardening extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    public EngineHardening(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new SpringExpressionManager(context, new ProcessBeans(context)));

        // One instance per interceptor chain: an interceptor knows the next one in its chain.
        configuration.setCustomPreCommandInterceptorsTxRequired(with(
                configuration.getCustomPreCommandInterceptorsTxRequired(),
                new EngineRefusals(),
                new QueryExpressionGuard(configuration::getFilterService)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
                new EngineRefusals(),
                new QueryExpressionGuard(configuration::getFilterService)));
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(true);

        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setJavaSerializationFormatEnabled(false);

        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());

        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor... added) {
        List<CommandInterceptor> all = new ArrayList<>(List.of(added));
        if (existing != null) {
            all.addAll(existing);
        }
        return all;
    }
}

package com.licenseflow.identity;

import com.licenseflow.workflow.ProcessBean;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * The beans expressions may reach: those marked {@link ProcessBean}, looked up by name when an
 * expression first asks (so building the engine does not create the beans that need the engine).
 * Everything else in the application context - repositories, the JDBC template, engine services -
 * is unknown to expressions.
 */
final class ProcessBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private volatile Set<String> names;

    ProcessBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names().stream()
                .map(name -> Map.entry((Object) name, context.getBean(name)))
                .collect(Collectors.toUnmodifiableSet());
    }

    Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = Set.copyOf(Arrays.asList(context.getBeanNamesForAnnotation(ProcessBean.class)));
            names = known;
        }
        return known;
    }
}

package com.licenseflow.identity;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;

/**
 * No query expression reaches the expression language, whoever sends it: an expression in a task
 * query is evaluated with access to the application (Camunda 7.24.0 to 7.24.13 evaluate the ones
 * nested in {@code orQueries} even though ad-hoc expressions are switched off). This interceptor
 * sees every engine command before it runs and refuses any task query - ad hoc, nested in
 * {@code orQueries}, extending a filter, or stored in a filter - whose expressions are anything but
 * the two LicenseFlow's own Tasklist filters use. LicenseFlow's HTTP guard refuses them earlier
 * still; this holds for the Java API and any door added later.
 */
final class QueryExpressionGuard extends CommandInterceptor {

    /** What "My tasks" and "My group's tasks" need: the logged-in user and their groups, nothing else. */
    static final Set<String> ALLOWED = Set.of("${currentUser()}", "${currentUserGroups()}");

    private final Supplier<FilterService> filters;

    QueryExpressionGuard(Supplier<FilterService> filters) {
        this.filters = filters;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AbstractQuery<?, ?> query) {
            check(query);
        } else if (command instanceof AbstractExecuteFilterCmd execute) {
            check((Query<?, ?>) field(execute, AbstractExecuteFilterCmd.class, "extendingQuery"));
            Filter stored =
                    filters.get().getFilter((String) field(execute, AbstractExecuteFilterCmd.class, "filterId"));
            if (stored != null) {
                check(stored.getQuery());
            }
        } else if (command instanceof SaveFilterCmd save) {
            Filter filter = (Filter) field(save, SaveFilterCmd.class, "filter");
            if (filter != null) {
                check(filter.getQuery());
            }
        }
        return next.execute(command);
    }

    static void check(Query<?, ?> query) {
        if (!(query instanceof AbstractQuery<?, ?> abstractQuery)) {
            return;
        }
        List<AbstractQuery<?, ?>> queries = new ArrayList<>(List.of(abstractQuery));
        if (query instanceof TaskQueryImpl taskQuery) {
            queries.addAll(taskQuery.getQueries());
        }
        for (AbstractQuery<?, ?> part : queries) {
            for (String expression : part.getExpressions().values()) {
                if (!ALLOWED.contains(expression == null ? null : expression.replace(" ", ""))) {
                    throw new BadUserRequestException("Expressions are not accepted in queries (found '" + expression
                            + "'). Ask with plain values instead.");
                }
            }
        }
    }

    /**
     * The engine keeps these in protected fields with no getter. A Camunda version that renames them
     * fails here, closed: every such command is refused until this is updated (a test covers it).
     */
    private static Object field(Object target, Class<?> declaring, String name) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot check " + declaring.getSimpleName() + "." + name + " for query expressions", e);
        }
    }
}

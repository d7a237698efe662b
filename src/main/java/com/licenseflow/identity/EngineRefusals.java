package com.licenseflow.identity;

import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.workflow.UntrustedProcessInput;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Remembers, for the request that runs the command, that LicenseFlow refused it: a domain rule
 * ({@link LicenseRuleViolation}) or untrusted process input. The engine REST APIs answer any
 * failure of a process start with 500; {@link EngineApiGuard} uses this to answer what the refusal
 * really is (400, 403, 404, 409, 422), as LicenseFlow's own API does.
 */
final class EngineRefusals extends CommandInterceptor {

    private static final ThreadLocal<Integer> STATUS = new ThreadLocal<>();

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (LicenseRuleViolation violation) {
            STATUS.set(violation.rule().refusal().httpStatus());
            throw violation;
        } catch (UntrustedProcessInput untrusted) {
            STATUS.set(400);
            throw untrusted;
        }
    }

    /** The status of the refusal met while handling this request, if any. */
    static Integer status() {
        return STATUS.get();
    }

    static void clear() {
        STATUS.remove();
    }
}

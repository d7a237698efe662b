package com.licenseflow.workflow;

import com.licenseflow.inventory.access.Actor;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Work one process instance holds a lock for, such as a takeover of a subscription or a centralization
 * of a product, with the seats it reserved. The lock ends with the work on every path of the model;
 * this is what ends it when the instance ends some other way.
 *
 * <p>As the end listener {@code ${releaseProcessLock}} of a whole process it catches an instance that is
 * deleted in Cockpit or cancelled by its caller. An instance deleted with "skip custom listeners" runs
 * no listener; {@link #releaseOrphaned} finds its lock before the next start, so nothing stays locked
 * for good.
 */
@Component("releaseProcessLock")
@ProcessBean
public class ProcessLocks implements ExecutionListener {

    /** What a module that locks work for a process instance tells about its locks. */
    public interface Lock {

        /**
         * The process instance holding the lock on {@code key} (a subscription id, a product's id or
         * name), if one does; refuses an actor who may not start such work.
         */
        Optional<String> holder(Actor actor, String key);

        /**
         * Gives up the work the process instance holds (reserved seats back, lock released, the work
         * marked abandoned); does nothing when it holds none or it is finished.
         */
        void release(String processInstanceId, String why);
    }

    private final List<Lock> locks;
    private final RuntimeService runtime;

    public ProcessLocks(List<Lock> locks, RuntimeService runtime) {
        this.locks = locks;
        this.runtime = runtime;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String why = "process ended at " + execution.getCurrentActivityId();
        locks.forEach(lock -> lock.release(execution.getProcessInstanceId(), why));
    }

    /** Releases the lock on {@code key} when the instance holding it no longer runs; says whether it did. */
    public boolean releaseOrphaned(Lock lock, Actor actor, String key) {
        Optional<String> orphan = lock.holder(actor, key)
                .filter(instance -> runtime.createProcessInstanceQuery()
                                .processInstanceId(instance)
                                .count()
                        == 0);
        orphan.ifPresent(instance -> lock.release(instance, "its process no longer runs"));
        return orphan.isPresent();
    }
}

package com.licenseflow.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A worker that does a piece of work again and again with a pause in between (the email steps, the tenant's license
 * changes), on one daemon thread of its own: started and stopped with the application, a failure logged and tried
 * again next time, and on stop the work under way allowed to finish.
 */
public abstract class Poller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private ScheduledExecutorService thread;

    protected Poller(String name) {
        this.name = name;
    }

    /** How long to pause between two rounds; empty when configuration switched the work off. */
    protected abstract Optional<Duration> pause();

    /** One round of the work. */
    protected abstract void poll();

    @Override
    public synchronized void start() {
        Optional<Duration> every = pause();
        if (thread != null || every.isEmpty()) {
            return;
        }
        long millis = every.get().toMillis();
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, name);
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(() -> once(every.get()), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void once(Duration every) {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("{} failed; trying again in {}", name, every, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}

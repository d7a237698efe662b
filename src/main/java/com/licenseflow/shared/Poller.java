package com.licenseflow.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that does a piece of work again and again with a pause in between (the email steps, the
 * tenant's license changes): started and stopped with the application, a failure logged and tried again next time,
 * and on stop the work under way allowed to finish.
 */
public final class Poller {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private final Duration every;
    private final Runnable work;
    private ScheduledExecutorService thread;

    public Poller(String name, Duration every, Runnable work) {
        this.name = name;
        this.every = every;
        this.work = work;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, name);
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(this::once, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void once() {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; trying again in {}", name, every, e);
        }
    }

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

    public synchronized boolean isRunning() {
        return thread != null;
    }
}

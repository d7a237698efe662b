package com.licenseflow.config;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets nodes that start at the same moment set themselves up one after the other: a setup step
 * (groups and authorizations, the first administrator, demo data) holds this lock, a row lock in
 * its own transaction, until that transaction ends. The node that waited then finds the work done
 * and changes nothing, where checking first and inserting after would have both nodes insert.
 */
@Component
public class StartupLock {

    private final JdbcClient jdbc;

    public StartupLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for any other node's setup step, then holds the lock until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold() {
        jdbc.sql("select name from startup_lock where name = 'setup' for update")
                .query(String.class)
                .single();
    }
}

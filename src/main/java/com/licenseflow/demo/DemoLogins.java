package com.licenseflow.demo;

import com.licenseflow.config.StartupLock;
import com.licenseflow.inventory.directory.DirectoryUser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With demo data switched off, the demo users' logins (alice/alice and the rest, password = user
 * id) must not keep working in a database that was once seeded with them. LicenseFlow refuses to
 * start while they are there and says how to remove them; with
 * {@code licenseflow.demo.remove-logins=true} it removes the logins itself (their directory entries
 * and audit history stay).
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "licenseflow.demo.enabled", havingValue = "false")
class DemoLogins implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLogins.class);

    private final IdentityService identity;
    private final boolean remove;
    private final StartupLock startupLock;

    public DemoLogins(IdentityService identity, DemoSettings config, StartupLock startupLock) {
        this.identity = identity;
        this.startupLock = startupLock;
        this.remove = config.removeLogins();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startupLock.hold();
        Map<String, String> demoEmails =
                DemoDataSeeder.people().stream().collect(Collectors.toMap(DirectoryUser::id, DirectoryUser::email));
        List<String> found =
                identity.createUserQuery().userIdIn(demoEmails.keySet().toArray(String[]::new)).list().stream()
                        .filter(u -> demoEmails.get(u.getId()).equalsIgnoreCase(String.valueOf(u.getEmail())))
                        .map(User::getId)
                        .sorted()
                        .toList();
        if (found.isEmpty()) {
            return;
        }
        if (!remove) {
            throw new IllegalStateException("Demo data is off, but this database still holds the demo logins "
                    + String.join(", ", found) + " (password = user id). Start once with "
                    + "LICENSEFLOW_DEMO_REMOVE_LOGINS=true to remove them (their directory entries and history stay), "
                    + "or use a fresh database.");
        }
        found.forEach(identity::deleteUser);
        LOG.warn("Removed the demo logins {}: they can no longer log in", found);
    }
}

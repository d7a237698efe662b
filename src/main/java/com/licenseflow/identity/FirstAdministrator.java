package com.licenseflow.identity;

import com.licenseflow.config.StartupLock;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.directory.UserType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first Global administrator of an installation comes from configuration
 * ({@code licenseflow.admin.*}, the password from an environment variable or a secret file), never
 * from the webapps' open setup page (which {@link EngineApiGuard} keeps closed). An installation
 * without any Global administrator refuses to start and says how to name one. Runs after the demo
 * data, which brings its own.
 */
@Component
@Order(3)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AdminSettings settings;
    private final DirectoryRepository directory;
    private final DirectoryIdentitySync logins;
    private final IdentityService identity;
    private final StartupLock startupLock;

    public FirstAdministrator(
            AdminSettings settings,
            DirectoryRepository directory,
            DirectoryIdentitySync logins,
            IdentityService identity,
            StartupLock startupLock) {
        this.startupLock = startupLock;
        this.settings = settings;
        this.directory = directory;
        this.logins = logins;
        this.identity = identity;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startupLock.hold();
        if (settings.userId() != null && !settings.userId().isBlank()) {
            enroll(settings.userId().trim());
        }
        if (identity.createUserQuery()
                        .memberOfGroup(CamundaGroups.GLOBAL_ADMINS)
                        .count()
                == 0) {
            throw new IllegalStateException("LicenseFlow has no Global administrator, so nobody could govern it. Name "
                    + "the first one: set LICENSEFLOW_ADMIN_USER_ID and LICENSEFLOW_ADMIN_PASSWORD (or "
                    + "LICENSEFLOW_ADMIN_PASSWORD_FILE, a file holding the password) and start again.");
        }
    }

    private void enroll(String userId) {
        DirectoryUser existing = directory.find(userId).orElse(null);
        if (existing != null) {
            if (!existing.roles().contains(AdminRole.GLOBAL_ADMIN)) {
                throw new IllegalStateException("licenseflow.admin.user-id names '" + userId + "', who is in the "
                        + "directory but not a Global administrator. Name a Global administrator, or another user id.");
            }
            boolean canLogIn = identity.createUserQuery().userId(userId).count() > 0;
            logins.enroll(existing, canLogIn ? null : password());
            return;
        }
        DirectoryUser admin = new DirectoryUser(
                userId,
                blankToDefault(settings.displayName(), userId),
                blankToDefault(settings.email(), userId + "@localhost"),
                UserType.MEMBER,
                null,
                Set.of(AdminRole.GLOBAL_ADMIN));
        directory.insert(admin);
        logins.enroll(admin, password());
        LOG.info("First Global administrator '{}' created from licenseflow.admin.*", userId);
    }

    private String password() {
        String password = settings.password();
        if (settings.passwordFile() != null && !settings.passwordFile().isBlank()) {
            try {
                password = Files.readString(Path.of(settings.passwordFile())).strip();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Cannot read the first administrator's password from " + settings.passwordFile() + ": "
                                + e.getMessage(),
                        e);
            }
        }
        if (password == null || password.length() < 12) {
            throw new IllegalStateException("The first Global administrator needs a password of at least 12 "
                    + "characters: set LICENSEFLOW_ADMIN_PASSWORD or LICENSEFLOW_ADMIN_PASSWORD_FILE.");
        }
        return password;
    }

    private static String blankToDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.trim();
    }
}

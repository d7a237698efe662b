package com.licenseflow.identity;

import com.licenseflow.inventory.directory.DirectoryUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Gives a directory user a Camunda login with the groups their type and roles call for. The
 * directory holds the roles; Camunda's groups follow it, so Tasklist candidate groups and the
 * domain's role checks never disagree.
 */
@Component
public class DirectoryIdentitySync {

    private final IdentityService identityService;

    public DirectoryIdentitySync(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void enroll(DirectoryUser person, String password) {
        if (identityService.createUserQuery().userId(person.id()).count() == 0) {
            User user = identityService.newUser(person.id());
            int space = person.displayName().indexOf(' ');
            user.setFirstName(
                    space < 0 ? person.displayName() : person.displayName().substring(0, space));
            user.setLastName(space < 0 ? "" : person.displayName().substring(space + 1));
            user.setEmail(person.email());
            user.setPassword(password);
            identityService.saveUser(user);
        }
        for (String group : CamundaGroups.memberships(person)) {
            if (identityService
                            .createUserQuery()
                            .userId(person.id())
                            .memberOfGroup(group)
                            .count()
                    == 0) {
                identityService.createMembership(person.id(), group);
            }
        }
    }
}

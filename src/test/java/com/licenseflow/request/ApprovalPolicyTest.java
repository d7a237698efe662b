package com.licenseflow.request;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.directory.UserType;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.request.ApprovalPolicy.Approver;
import com.licenseflow.request.ApprovalPolicy.Plan;
import com.licenseflow.request.ApprovalPolicy.Stage;
import com.licenseflow.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each row of processes/license-approval-policy.dmn, as the engine evaluates the deployed table. */
@IntegrationTest
class ApprovalPolicyTest {

    static final Product STANDARD = product("Microsoft 365 Business Standard", "12.50");
    static final Product PREMIUM = product("Microsoft 365 Business Premium", "22.00");
    static final Product EXPLORATORY = product("Microsoft Teams Exploratory", "0.00");
    static final Product VISIO = product("Visio Plan 2", "15.00");

    static final DirectoryUser MEMBER = person("member", UserType.MEMBER);
    static final DirectoryUser GUEST = person("guest", UserType.GUEST);

    static final Approver MANAGER = new Approver(true, Set.of());

    @Autowired
    ApprovalPolicy policy;

    @Autowired
    RepositoryService repository;

    @Test
    void teamsExploratoryIsApprovedAutomatically() {
        Plan plan = policy.decide(EXPLORATORY, MEMBER, List.of(MEMBER));

        assertThat(plan.automatic()).isTrue();
        assertThat(plan.policy()).isEqualTo("Teams Exploratory is approved automatically");
    }

    @Test
    void businessStandardGoesToTheManagerThenALicenseAdministrator() {
        Plan plan = policy.decide(STANDARD, MEMBER, List.of(MEMBER));

        assertThat(plan.stages())
                .containsExactly(
                        new Stage(MANAGER, Duration.ofDays(5)), new Stage(role(LICENSE_ADMIN), Duration.ofDays(7)));
    }

    @Test
    void overThePriceThresholdGoesToTheManagerThenAGlobalAdministrator() {
        assertThat(policy.decide(PREMIUM, MEMBER, List.of(MEMBER)).stages())
                .containsExactly(
                        new Stage(MANAGER, Duration.ofDays(5)), new Stage(role(GLOBAL_ADMIN), Duration.ofDays(7)));
    }

    @Test
    void anythingForAGuestGoesToTheManagerThenAGlobalAdministratorEvenWhatIsOtherwiseAutomatic() {
        List<Stage> managerThenGlobal =
                List.of(new Stage(MANAGER, Duration.ofDays(5)), new Stage(role(GLOBAL_ADMIN), Duration.ofDays(7)));

        assertThat(policy.decide(EXPLORATORY, GUEST, List.of(GUEST)).stages())
                .as("a guest asks")
                .isEqualTo(managerThenGlobal);
        assertThat(policy.decide(EXPLORATORY, MEMBER, List.of(MEMBER, GUEST)).stages())
                .as("a member asks for a guest")
                .isEqualTo(managerThenGlobal);
        assertThat(policy.decide(STANDARD, MEMBER, List.of(GUEST)).stages()).isEqualTo(managerThenGlobal);
    }

    @Test
    void everythingElseGoesToTheRequestApprovers() {
        Plan plan = policy.decide(VISIO, MEMBER, List.of(MEMBER));

        assertThat(plan.stages())
                .containsExactly(new Stage(new Approver(false, policy.requestApproverRoles()), Duration.ofDays(7)));
        assertThat(plan.policy()).startsWith("Everything else");
    }

    @Test
    void aStageThatWaitedTooLongFallsBackToAGlobalAdministratorAndAGlobalAdministratorsStageToNobody() {
        assertThat(policy.fallback(MANAGER)).contains(role(GLOBAL_ADMIN));
        assertThat(policy.fallback(role(LICENSE_ADMIN))).contains(role(GLOBAL_ADMIN));
        assertThat(policy.fallback(role(BILLING_ADMIN))).contains(role(GLOBAL_ADMIN));
        assertThat(policy.fallback(role(GLOBAL_ADMIN))).isEmpty();
    }

    /** A designer changes one cell in Modeler and redeploys: the next decision follows it, no Java changed. */
    @Test
    void aRedeployedTableDecidesFromThenOn() throws Exception {
        String table = Files.readString(Path.of("processes", "license-approval-policy.dmn"));
        // The Business Standard rule's second stage, the one cell a designer changes.
        String variant =
                table.replaceFirst("<text>\"License administrator\"</text>", "<text>\"Billing administrator\"</text>");
        assertThat(variant).isNotEqualTo(table);
        Deployment deployed = repository
                .createDeployment()
                .name("approval policy variant (test)")
                .addString("license-approval-policy.dmn", variant)
                .deploy();
        try {
            assertThat(policy.decide(STANDARD, MEMBER, List.of(MEMBER)).stages())
                    .containsExactly(
                            new Stage(MANAGER, Duration.ofDays(5)), new Stage(role(BILLING_ADMIN), Duration.ofDays(7)));
        } finally {
            repository.deleteDeployment(deployed.getId(), true);
        }
        assertThat(policy.decide(STANDARD, MEMBER, List.of(MEMBER))
                        .stages()
                        .get(1)
                        .approver())
                .isEqualTo(role(LICENSE_ADMIN));
    }

    @Test
    void aTableThatCannotDecideSaysWhatToFixInIt() throws Exception {
        String table = Files.readString(Path.of("processes", "license-approval-policy.dmn"));
        Deployment deployed = repository
                .createDeployment()
                .name("broken approval policy (test)")
                .addString(
                        "license-approval-policy.dmn", table.replace("<text>\"P7D\"</text>", "<text>\"a week\"</text>"))
                .deploy();
        try {
            assertThatThrownBy(() -> policy.decide(VISIO, MEMBER, List.of(MEMBER)))
                    .hasMessageContaining("'a week' as stage 1's 'escalate after' in rule 'Everything else")
                    .hasMessageContaining("P5D");
        } finally {
            repository.deleteDeployment(deployed.getId(), true);
        }
    }

    private static Approver role(AdminRole role) {
        return new Approver(false, EnumSet.of(role));
    }

    private static Product product(String name, String price) {
        return new Product(name.replace(' ', '_'), name, new BigDecimal(price), SelfServicePolicy.DISABLED, List.of());
    }

    private static DirectoryUser person(String id, UserType type) {
        return new DirectoryUser(id, id, id + "@test.example", type, "NL", Set.of());
    }
}

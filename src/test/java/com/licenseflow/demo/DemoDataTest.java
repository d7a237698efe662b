package com.licenseflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.overview.InventoryViews;
import com.licenseflow.inventory.overview.ProductLicenses;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a new user finds after the first start: products, subscriptions, people who can log in. */
@IntegrationTest
class DemoDataTest {

    @Autowired
    DemoDataSeeder seeder;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    DirectoryRepository directory;

    @Autowired
    InventoryViews views;

    @Autowired
    IdentityService identity;

    @Autowired
    FilterService filters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Test
    void premiumIsOwnedTwiceAndTheLicensesViewShowsThirteen() {
        ProductLicenses premium = views.licenses(Actor.of("alice", AdminRole.GLOBAL_ADMIN), null).stream()
                .filter(p -> p.product().id().equals(DemoDataSeeder.BUSINESS_PREMIUM))
                .findFirst()
                .orElseThrow();
        assertThat(premium.subscriptions()).isEqualTo(2);
        assertThat(premium.total()).isEqualTo(13);
    }

    @Test
    void catalogueHasEveryPolicyValueAConflictAndASubstitute() {
        Set<SelfServicePolicy> policies =
                catalog.list().stream().map(Product::selfServicePolicy).collect(Collectors.toSet());
        assertThat(policies).containsExactlyInAnyOrder(SelfServicePolicy.values());
        assertThat(catalog.servingProducts(DemoDataSeeder.BUSINESS_STANDARD))
                .extracting(Product::id)
                .containsExactly(DemoDataSeeder.BUSINESS_STANDARD, DemoDataSeeder.BUSINESS_PREMIUM);
        assertThat(jdbc.sql("select count(*) from service_plan_conflict")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void demoPeopleCanLogInWithTheirIdAndSitInTheirGroups() {
        var demoIds = DemoDataSeeder.people().stream().map(DirectoryUser::id).toList();
        assertThat(demoIds).hasSize(25);
        assertThat(directory.findAll(demoIds)).hasSize(25);
        assertThat(demoIds).allMatch(id -> identity.checkPassword(id, id));
        assertThat(identity.checkPassword("alice", "alice")).isTrue();
        assertThat(identity.checkPassword("alice", "wrong")).isFalse();
        assertThat(groupsOf("alice")).contains("global-admins", "camunda-admin", "employees");
        assertThat(groupsOf("lars")).contains("license-admins", "employees").doesNotContain("camunda-admin");
        assertThat(groupsOf("gina")).doesNotContain("employees");
        DirectoryUser gina = directory.find("gina").orElseThrow();
        assertThat(gina.isGuest()).isTrue();
        assertThat(directory.find("tom").orElseThrow().hasUsageLocation()).isFalse();
    }

    @Test
    void tasklistFiltersExistForEveryone() {
        assertThat(filters.createFilterQuery().list())
                .extracting(f -> f.getName())
                .contains("My tasks", "My group's tasks", "Offered to me");
    }

    @Test
    void seedingAgainChangesNothing() throws Exception {
        String before = fixtures.snapshot();
        int users = directory.list().size();

        seeder.run(null);

        assertThat(fixtures.snapshot()).isEqualTo(before);
        assertThat(directory.list()).hasSize(users);
    }

    private Set<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .collect(Collectors.toSet());
    }
}

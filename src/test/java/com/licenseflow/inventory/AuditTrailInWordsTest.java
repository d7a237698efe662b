package com.licenseflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.support.Api;
import com.licenseflow.support.ConsoleSession;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * The audit trail as a person reads it, on its page and in its CSV: people, products, apps and subscriptions by
 * their names, what happened in words, and the parts of LicenseFlow that act on their own by their names too.
 */
@IntegrationTest
class AuditTrailInWordsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LicenseLedger ledger;

    @Test
    void thePageAndItsCsvNamePeopleProductsAppsAndSubscriptionsNeverTheirIdsOrCodes() {
        Product product = fixtures.product();
        String plan = product.servicePlans().get(0).id();
        String planName = product.servicePlans().get(0).name();
        long central = fixtures.central(product, 5);
        DirectoryUser admin = fixtures.person("Ines Admiraal", AdminRole.GLOBAL_ADMIN);
        DirectoryUser zoe = fixtures.person("Zoë Kramer");

        Api.Response assigned = Api.at(port)
                .as(admin.id())
                .post(
                        "/api/licenses/" + product.id() + "/assignments",
                        "{\"userIds\":[\"" + zoe.id() + "\"],\"disabledServicePlans\":[\"" + plan + "\"]}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        Api.Response removed =
                Api.at(port).as(admin.id()).delete("/api/users/" + zoe.id() + "/licenses/" + product.id());
        assertThat(removed.status()).as(removed.body()).isLessThan(300);
        ledger.record(
                ChangeContext.byUser(IdleLicenseReclaim.DEFAULT_DECISION, "nobody answered by the deadline"),
                AuditAction.RECLAIM_RULE_CHANGED,
                null,
                product.id(),
                null,
                product.name() + " licenses count as idle after 30 days without a sign-in");

        ConsoleSession console = ConsoleSession.login(port, admin.id());
        // What the page shows a person: its text, not its markup (the filters' option values are codes, unseen).
        String page = HtmlUtils.htmlUnescape(
                console.get("/console/audit?product=" + product.id()).body().replaceAll("<[^>]+>", " "));
        assertThat(page)
                .contains(
                        "Zoë Kramer",
                        "Ines Admiraal",
                        product.name() + " assigned to Zoë Kramer from the organisation's " + product.name()
                                + " subscription from ",
                        "switched off: " + planName,
                        product.name() + " removed from Zoë Kramer",
                        "Idle license reclaim (its deadline)",
                        "License assigned",
                        "License unassigned")
                .doesNotContain(zoe.id(), admin.id(), "subscription " + central, "LICENSE_ASSIGNED", "[" + plan + "]");

        String csv = console.get("/console/audit.csv?product=" + product.id()).body();
        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(header).doesNotContain("Subscription");
        int what = header.indexOf("What");
        assertThat(lines.subList(1, lines.size()))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line.split(",")[what]).doesNotContain("_"))
                .anySatisfy(line -> assertThat(line).contains("License assigned", "Zoë Kramer"))
                .anySatisfy(line -> assertThat(line).contains("Idle license reclaim (its deadline)"))
                .noneSatisfy(line -> assertThat(line).contains("subscription " + central));
    }
}

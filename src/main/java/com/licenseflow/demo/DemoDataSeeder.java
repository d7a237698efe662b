package com.licenseflow.demo;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.USER_ADMIN;
import static com.licenseflow.inventory.directory.UserType.GUEST;
import static com.licenseflow.inventory.directory.UserType.MEMBER;
import static com.licenseflow.inventory.policy.SelfServicePolicy.DISABLED;
import static com.licenseflow.inventory.policy.SelfServicePolicy.ENABLED;
import static com.licenseflow.inventory.policy.SelfServicePolicy.ONLY_TRIALS_WITHOUT_PAYMENT_METHOD;

import com.licenseflow.config.StartupLock;
import com.licenseflow.identity.DirectoryIdentitySync;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.AssignmentMode;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.catalog.ServicePlan;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.directory.UserType;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.lifecycle.LowSeatAlerts;
import com.licenseflow.lifecycle.SubscriptionRenewalProcess;
import com.licenseflow.lifecycle.SubscriptionRenewals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data on first start: products modelled on the Microsoft 365 admin center, two central
 * subscriptions of one product (5 + 8 seats, A2), self-service purchases with colleagues on them,
 * about 25 users (guests and one without a usage location among them) whose password is their
 * user id. Runs in one transaction and only when the inventory is empty, so a restart changes
 * nothing and a failed first start leaves nothing half-seeded.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "licenseflow.demo.enabled", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

    static final String BUSINESS_PREMIUM = "SPB";
    static final String BUSINESS_STANDARD = "O365_BUSINESS_PREMIUM";
    static final String POWER_BI_PRO = "POWER_BI_PRO";
    static final String VISIO_PLAN_2 = "VISIOCLIENT";
    static final String PROJECT_PLAN_3 = "PROJECTPROFESSIONAL";
    static final String TEAMS_EXPLORATORY = "TEAMS_EXPLORATORY";

    // Microsoft's part numbers, skuIds and service plan ids ("Product names and service plan identifiers for
    // licensing"), so that the demo's products are the ones a tenant's Graph answers with. Teams Exploratory's
    // own plan is the demo's stand-in for a Teams service that conflicts with Microsoft Teams (A5).
    private static final ServicePlan EXCHANGE =
            plan("EXCHANGE_S_STANDARD", "Exchange Online (Plan 1)", "9aaf7827-d63c-4b61-89c3-182f06f82e5c");
    private static final ServicePlan TEAMS = plan("TEAMS1", "Microsoft Teams", "57ff2da0-773e-42df-b2af-ffb7a2317929");
    private static final ServicePlan SHAREPOINT =
            plan("SHAREPOINTSTANDARD", "SharePoint (Plan 1)", "c7699d2e-19aa-44de-8edf-1736da088ca1");
    private static final ServicePlan APPS =
            plan("OFFICE_BUSINESS", "Microsoft 365 Apps for business", "094e7854-93fc-4d55-b2c0-3ab5369ebdc1");
    private static final ServicePlan FORMS =
            plan("FORMS_PLAN_E1", "Microsoft Forms (Plan E1)", "159f4cd6-e380-449f-a816-af1a9ef76344");
    private static final ServicePlan INTUNE =
            plan("INTUNE_A", "Microsoft Intune", "c1ec4a95-1f05-45b3-a911-aa3fa01094f5");
    private static final ServicePlan ENTRA_P1 =
            plan("AAD_PREMIUM", "Microsoft Entra ID P1", "41781fb2-bc02-4b7c-bd55-b576c07bb09d");
    private static final ServicePlan DEFENDER = plan(
            "ATP_ENTERPRISE", "Microsoft Defender for Office 365 (Plan 1)", "f20fedf3-f3c3-43c3-8267-2bfdd51c0939");
    private static final ServicePlan EXCHANGE_FOUNDATION =
            plan("EXCHANGE_S_FOUNDATION", "Exchange Foundation", "113feb6c-3fe4-4440-bddc-54d774bf0318");
    private static final ServicePlan POWER_BI =
            plan("BI_AZURE_P2", "Power BI Pro", "70d33638-9c74-4d01-bfd3-562de28bd4ba");
    private static final ServicePlan VISIO_DESKTOP =
            plan("VISIO_CLIENT_SUBSCRIPTION", "Visio desktop app", "663a804f-1c30-4ff0-9915-9db84f0d1cea");
    private static final ServicePlan VISIO_WEB =
            plan("VISIOONLINE", "Visio web app", "2bdbaf8f-738f-4ac7-9234-3c3ee2ce7d0f");
    private static final ServicePlan PROJECT_ONLINE =
            plan("PROJECT_PROFESSIONAL", "Project P3", "818523f5-016b-4355-9be8-ed6944946ea7");
    private static final ServicePlan PROJECT_DESKTOP = plan(
            "PROJECT_CLIENT_SUBSCRIPTION", "Project Online Desktop Client", "fafd7243-e5c1-4a3a-9e40-495efcb1d3c3");
    private static final ServicePlan SHAREPOINT_2 =
            plan("SHAREPOINTENTERPRISE", "SharePoint (Plan 2)", "5dbe027f-2339-4123-9542-606e4d348a72");
    private static final ServicePlan TEAMS_TRIAL = new ServicePlan("TEAMS_EXPLORATORY", "Microsoft Teams Exploratory");

    private static final Map<String, String> SKU_IDS = Map.of(
            BUSINESS_PREMIUM, "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
            BUSINESS_STANDARD, "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
            POWER_BI_PRO, "f8a1db68-be16-40ed-86d5-cb42ce701560",
            VISIO_PLAN_2, "c5928f49-12ba-48f7-ada3-0d743a3601d5",
            PROJECT_PLAN_3, "53818b1b-4a27-454b-8896-0dba576410e6",
            TEAMS_EXPLORATORY, "710779e8-3d4a-4c88-adb9-386c958d1fdf");

    private static ServicePlan plan(String id, String name, String guid) {
        return new ServicePlan(id, name, guid);
    }

    private final ProductCatalog catalog;
    private final DirectoryRepository directory;
    private final SubscriptionRepository subscriptions;
    private final LicenseAssignmentService assignments;
    private final DirectoryIdentitySync identity;
    private final Clock clock;
    private final StartupLock startupLock;
    private final LowSeatAlerts seatAlerts;
    private final SubscriptionRenewals renewals;
    private final ProcessEngine engine;

    public DemoDataSeeder(
            ProductCatalog catalog,
            DirectoryRepository directory,
            SubscriptionRepository subscriptions,
            LicenseAssignmentService assignments,
            DirectoryIdentitySync identity,
            Clock clock,
            StartupLock startupLock,
            LowSeatAlerts seatAlerts,
            SubscriptionRenewals renewals,
            ProcessEngine engine) {
        this.renewals = renewals;
        this.engine = engine;
        this.startupLock = startupLock;
        this.seatAlerts = seatAlerts;
        this.catalog = catalog;
        this.directory = directory;
        this.subscriptions = subscriptions;
        this.assignments = assignments;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        startupLock.hold();
        if (!catalog.list().isEmpty()) {
            LOG.info("Inventory already holds products; demo data not seeded again");
            return;
        }
        seedProducts();
        List<DirectoryUser> people = people();
        people.forEach(person -> {
            directory.insert(person.withManager(null, person.department()));
            identity.enroll(person, person.id());
        });
        // Managers once everyone exists: the org chart points both ways across the list.
        people.stream()
                .filter(person -> person.managerId() != null)
                .forEach(person -> directory.changeManager(person.id(), person.managerId()));
        seedSubscriptions();
        seedSignIns(people);
        RuntimeService runtime = engine.getRuntimeService();
        renewals.openReviews(
                id -> runtime.startProcessInstanceByKey(SubscriptionRenewalProcess.KEY, "subscription-" + id)
                        .getId());
        LOG.info(
                "Demo data seeded: {} products, {} users (password = user id, e.g. alice/alice)",
                catalog.list().size(),
                people.size());
    }

    private void seedProducts() {
        product(
                BUSINESS_PREMIUM,
                "Microsoft 365 Business Premium",
                "22.00",
                DISABLED,
                EXCHANGE,
                TEAMS,
                SHAREPOINT,
                APPS,
                FORMS,
                INTUNE,
                ENTRA_P1,
                DEFENDER);
        product(
                BUSINESS_STANDARD,
                "Microsoft 365 Business Standard",
                "12.50",
                DISABLED,
                EXCHANGE,
                TEAMS,
                SHAREPOINT,
                APPS,
                FORMS);
        product(POWER_BI_PRO, "Power BI Pro", "14.00", ENABLED, POWER_BI, EXCHANGE_FOUNDATION);
        product(VISIO_PLAN_2, "Visio Plan 2", "15.00", ENABLED, VISIO_DESKTOP, VISIO_WEB, EXCHANGE_FOUNDATION);
        product(
                PROJECT_PLAN_3,
                "Project Plan 3",
                "30.00",
                ONLY_TRIALS_WITHOUT_PAYMENT_METHOD,
                PROJECT_ONLINE,
                PROJECT_DESKTOP,
                SHAREPOINT_2,
                EXCHANGE_FOUNDATION);
        product(TEAMS_EXPLORATORY, "Microsoft Teams Exploratory", "0.00", DISABLED, TEAMS_TRIAL, FORMS);
        // R7: a Business Standard request can be served from Business Premium, which contains it.
        catalog.addSubstitute(BUSINESS_STANDARD, BUSINESS_PREMIUM);
        catalog.addConflict(
                TEAMS.id(),
                TEAMS_TRIAL.id(),
                "a user can hold only one Microsoft Teams service, and "
                        + "Teams Exploratory is meant for users without a paid Teams license.");
    }

    private void product(String id, String name, String price, SelfServicePolicy policy, ServicePlan... plans) {
        catalog.insert(new Product(id, name, new BigDecimal(price), policy, List.of(plans), SKU_IDS.get(id)));
    }

    /**
     * A small org chart: Alice runs the company; Noah leads Sales, Sara Operations, Finn Engineering,
     * Mia Marketing, Bill Finance and Lars IT; a guest's manager is the employee who invited them.
     * Tom has just joined and has no manager yet.
     */
    private static final Map<String, String[]> ORG_CHART = Map.ofEntries(
            Map.entry("alice", new String[] {null, "Management"}),
            Map.entry("lars", new String[] {"alice", "IT"}),
            Map.entry("ursula", new String[] {"lars", "IT"}),
            Map.entry("bill", new String[] {"alice", "Finance"}),
            Map.entry("noah", new String[] {"alice", "Sales"}),
            Map.entry("emma", new String[] {"noah", "Sales"}),
            Map.entry("olivia", new String[] {"noah", "Sales"}),
            Map.entry("liam", new String[] {"noah", "Sales"}),
            Map.entry("sophie", new String[] {"noah", "Sales"}),
            Map.entry("sara", new String[] {"alice", "Operations"}),
            Map.entry("lucas", new String[] {"sara", "Operations"}),
            Map.entry("julia", new String[] {"sara", "Operations"}),
            Map.entry("finn", new String[] {"alice", "Engineering"}),
            Map.entry("jonas", new String[] {"finn", "Engineering"}),
            Map.entry("nora", new String[] {"finn", "Engineering"}),
            Map.entry("daan", new String[] {"finn", "Engineering"}),
            Map.entry("sem", new String[] {"finn", "Engineering"}),
            Map.entry("mia", new String[] {"alice", "Marketing"}),
            Map.entry("tess", new String[] {"mia", "Marketing"}),
            Map.entry("milan", new String[] {"mia", "Marketing"}),
            Map.entry("lotte", new String[] {"mia", "Marketing"}),
            Map.entry("bram", new String[] {"mia", "Marketing"}),
            Map.entry("gina", new String[] {"emma", "Sales"}),
            Map.entry("gus", new String[] {"noah", "Sales"}));

    static List<DirectoryUser> people() {
        return Stream.of(
                        person("alice", "Alice Jansen", MEMBER, "NL", GLOBAL_ADMIN),
                        person("lars", "Lars Berg", MEMBER, "SE", LICENSE_ADMIN),
                        person("ursula", "Ursula Visser", MEMBER, "NL", USER_ADMIN),
                        person("bill", "Bill Okafor", MEMBER, "NL", BILLING_ADMIN),
                        person("emma", "Emma de Vries", MEMBER, "NL"),
                        person("noah", "Noah Bakker", MEMBER, "NL"),
                        person("olivia", "Olivia Lindqvist", MEMBER, "SE"),
                        person("liam", "Liam Smit", MEMBER, "NL"),
                        person("sophie", "Sophie Mulder", MEMBER, "NL"),
                        person("lucas", "Lucas Andersson", MEMBER, "SE"),
                        person("mia", "Mia Peters", MEMBER, "NL"),
                        person("finn", "Finn Hendriks", MEMBER, "NL"),
                        person("sara", "Sara Nilsson", MEMBER, "SE"),
                        person("jonas", "Jonas van Dijk", MEMBER, "NL"),
                        person("nora", "Nora Dekker", MEMBER, "NL"),
                        person("daan", "Daan Meijer", MEMBER, "NL"),
                        person("julia", "Julia Eriksson", MEMBER, "SE"),
                        person("sem", "Sem de Boer", MEMBER, "NL"),
                        person("tess", "Tess Vos", MEMBER, "NL"),
                        person("milan", "Milan Jacobs", MEMBER, "NL"),
                        person("lotte", "Lotte Brouwer", MEMBER, "NL"),
                        person("bram", "Bram de Graaf", MEMBER, "NL"),
                        person("tom", "Tom Kramer", MEMBER, null),
                        person("gina", "Gina Moretti", GUEST, "IT"),
                        person("gus", "Gus Fairbanks", GUEST, "US"))
                .map(person -> {
                    String[] place = ORG_CHART.get(person.id());
                    return place == null ? person : person.withManager(place[0], place[1]);
                })
                .toList();
    }

    private static DirectoryUser person(String id, String name, UserType type, String location, AdminRole... roles) {
        String domain = type == GUEST ? "fabrikam.example" : "contoso.example";
        return new DirectoryUser(
                id, name, id + "@" + domain, type, location, roles.length == 0 ? Set.of() : Set.of(roles));
    }

    private void seedSubscriptions() {
        LocalDate today = LocalDate.now(clock);
        Actor alice = Actor.of("alice", GLOBAL_ADMIN);
        // Premium A's term ends in 65 days and Teams Exploratory is a trial ending in 30: both are up for
        // renewal ("Decide renewal" for the billing admins, opened as soon as the demo starts).
        long premiumA = central(BUSINESS_PREMIUM, 5, "20.60", today.minusDays(300));
        long premiumB = central(BUSINESS_PREMIUM, 8, "20.60", today.minusDays(40));
        long standard = central(BUSINESS_STANDARD, 10, "11.70", today.minusDays(120));
        long powerBi = central(POWER_BI_PRO, 5, "13.20", today.minusDays(90));
        central(VISIO_PLAN_2, 2, "14.10", today.minusDays(60));
        long exploratory = subscriptions.insert(new Subscription(
                0,
                TEAMS_EXPLORATORY,
                SubscriptionKind.CENTRAL,
                null,
                25,
                0,
                SubscriptionStatus.ACTIVE,
                true,
                today.minusDays(30),
                today.plusDays(30),
                BigDecimal.ZERO,
                false,
                0,
                null));

        assign(alice, premiumA, BUSINESS_PREMIUM, "alice", "lars", "ursula", "bill", "emma");
        assign(alice, premiumB, BUSINESS_PREMIUM, "noah", "olivia", "liam", "sophie", "lucas");
        assign(alice, standard, BUSINESS_STANDARD, "mia", "finn", "sara", "jonas");
        assign(alice, powerBi, POWER_BI_PRO, "alice");
        assign(alice, exploratory, TEAMS_EXPLORATORY, "gina", "tess");

        // Self-service purchases: Power BI Pro bought twice over (a centralization candidate), one of
        // them still inside its cancellation window; a Visio purchase; a Project trial.
        selfService("emma", POWER_BI_PRO, 3, "14.00", today.minusDays(45), false, "emma", "noah", "olivia");
        selfService("jonas", POWER_BI_PRO, 2, "14.00", today.minusDays(3), false, "jonas", "nora");
        selfService("mia", VISIO_PLAN_2, 1, "15.00", today.minusDays(20), false, "mia");
        selfService("daan", PROJECT_PLAN_3, 2, "0.00", today.minusDays(5), true, "daan");

        // Low-seat alerts: Premium has 3 seats free, Standard 6 of 10.
        ChangeContext seeding = ChangeContext.byUser(alice, "demo data");
        seatAlerts.set(seeding, BUSINESS_PREMIUM, 2, null);
        seatAlerts.set(seeding, BUSINESS_STANDARD, null, 20);
    }

    /**
     * Everyone signed in this week, except in Noah's team Liam (not for 120 days) and Olivia (account
     * disabled: she left), and Lucas in Sara's (100 days): what "Reclaim idle licenses" finds.
     */
    private void seedSignIns(List<DirectoryUser> people) {
        LocalDate today = LocalDate.now(clock);
        Map<String, LocalDate> idle =
                Map.of("liam", today.minusDays(120), "lucas", today.minusDays(100), "olivia", today.minusDays(35));
        for (DirectoryUser person : people) {
            directory.recordActivity(
                    person.id(),
                    !person.id().equals("olivia"),
                    idle.getOrDefault(person.id(), today.minusDays(person.id().length() % 5)));
        }
    }

    private long central(String product, int seats, String price, LocalDate termStart) {
        return subscriptions.insert(new Subscription(
                0,
                product,
                SubscriptionKind.CENTRAL,
                null,
                seats,
                0,
                SubscriptionStatus.ACTIVE,
                false,
                termStart,
                termStart.plusYears(1),
                new BigDecimal(price),
                true,
                0,
                null));
    }

    private void selfService(
            String purchaser,
            String product,
            int seats,
            String price,
            LocalDate termStart,
            boolean trial,
            String... users) {
        long id = subscriptions.insert(new Subscription(
                0,
                product,
                SubscriptionKind.SELF_SERVICE,
                purchaser,
                seats,
                0,
                SubscriptionStatus.ACTIVE,
                trial,
                termStart,
                trial ? termStart.plusDays(30) : termStart.plusYears(1),
                new BigDecimal(price),
                !trial,
                7,
                null));
        assign(Actor.of(purchaser), id, product, users);
    }

    private void assign(Actor actor, long subscriptionId, String product, String... users) {
        assignments.assign(
                ChangeContext.byUser(actor, "demo data"),
                new AssignLicenses(product, subscriptionId, List.of(users), Set.of(), AssignmentMode.ADD));
    }
}

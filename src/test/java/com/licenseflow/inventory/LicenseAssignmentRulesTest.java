package com.licenseflow.inventory;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.USER_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.AssignmentMode;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.directory.UserType;
import com.licenseflow.inventory.overview.InventoryViews;
import com.licenseflow.inventory.overview.ProductLicenses;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every assignment rule, through the domain service: the refusal, its message, and that nothing changed. */
@IntegrationTest
class LicenseAssignmentRulesTest {

    @Autowired
    LicenseAssignmentService service;

    @Autowired
    InventoryViews views;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Product product;
    long subscription;
    Actor licenseAdmin;

    @BeforeEach
    void inventory() {
        product = fixtures.product();
        subscription = fixtures.central(product, 5);
        licenseAdmin = fixtures.actor(fixtures.admin(LICENSE_ADMIN));
    }

    private ChangeContext by(Actor actor) {
        return ChangeContext.byUser(actor, "test");
    }

    private void refusedWithoutChange(ThrowingCallable call, Rule rule, String... messageParts) {
        String before = fixtures.snapshot();
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        LicenseRuleViolation.class, v -> assertThat(v.rule()).isEqualTo(rule))
                .hasMessageContainingAll(messageParts);
        assertThat(fixtures.snapshot()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void assignsFromCentralSubscriptionsAndRecordsWhoDidItInTheAudit() {
        List<String> users = fixtures.members(3);

        List<LicenseAssignment> created = service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), users));

        assertThat(created).extracting(LicenseAssignment::userId).containsExactlyElementsOf(users);
        assertThat(fixtures.subscription(subscription).assignedSeats()).isEqualTo(3);
        assertThat(fixtures.holders(subscription)).containsExactlyInAnyOrderElementsOf(users);
        for (String user : users) {
            assertThat(fixtures.auditRows("LICENSE_ASSIGNED", user)).isEqualTo(1);
        }
        assertThat(jdbc.sql("select actor from audit_log where user_id = ? and action = 'LICENSE_ASSIGNED'")
                        .param(users.get(0))
                        .query(String.class)
                        .single())
                .isEqualTo(licenseAdmin.userId());
    }

    @Test
    void globalLicenseAndUserAdminsMayAssignOthersMayNot() {
        for (var role : List.of(GLOBAL_ADMIN, LICENSE_ADMIN, USER_ADMIN)) {
            Actor admin = fixtures.actor(fixtures.admin(role));
            assertThat(service.assign(
                            by(admin),
                            AssignLicenses.of(
                                    product.id(), List.of(fixtures.member().id()))))
                    .hasSize(1);
        }
        DirectoryUser billingAdmin = fixtures.admin(BILLING_ADMIN);
        Actor billing = fixtures.actor(billingAdmin);
        Actor employee = fixtures.actor(fixtures.member());
        String user = fixtures.member().id();
        refusedWithoutChange(
                () -> service.assign(by(billing), AssignLicenses.of(product.id(), List.of(user))),
                Rule.ADMIN_ROLE_REQUIRED,
                billingAdmin.displayName() + " may not assign licenses",
                "Global administrator, License administrator or User administrator");
        refusedWithoutChange(
                () -> service.assign(by(employee), AssignLicenses.of(product.id(), List.of(user))),
                Rule.ADMIN_ROLE_REQUIRED,
                "Ask a Global administrator");
    }

    @Test
    void atMostTwentyUsersAtATime() {
        fixtures.central(product, 30);
        List<String> twentyOne = fixtures.members(21);

        refusedWithoutChange(
                () -> service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), twentyOne)),
                Rule.TOO_MANY_USERS,
                "21 users",
                "at most 20 users at a time",
                "batches of 20");
        refusedWithoutChange(
                () -> service.unassign(by(licenseAdmin), product.id(), twentyOne), Rule.TOO_MANY_USERS, "at most 20");
        assertThat(service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), twentyOne.subList(0, 20))))
                .hasSize(20);
    }

    @Test
    void notEnoughSeatsIsRefusedWithHowToFixItAndTakesNoSeat() {
        fixtures.central(product, 1);
        List<String> seven = fixtures.members(7);

        refusedWithoutChange(
                () -> service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), seven)),
                Rule.NOT_ENOUGH_SEATS,
                "Not enough licenses for " + product.name(),
                "7 users need one",
                "only 6 are available",
                "Buy more licenses");
        assertThat(fixtures.subscription(subscription).assignedSeats()).isZero();
    }

    @Test
    void seatsAreTakenAcrossTheProductsSubscriptionsAndTotalsAreSummed() {
        long second = fixtures.central(product, 8);
        List<String> seven = fixtures.members(7);

        service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), seven));

        assertThat(fixtures.subscription(subscription).assignedSeats()).isEqualTo(5);
        assertThat(fixtures.subscription(second).assignedSeats()).isEqualTo(2);
        ProductLicenses row = views.licenses(licenseAdmin, null).stream()
                .filter(p -> p.product().id().equals(product.id()))
                .findFirst()
                .orElseThrow();
        assertThat(row.total()).as("5 + 8 seats show as 13 (A2)").isEqualTo(13);
        assertThat(row.assigned()).isEqualTo(7);
        assertThat(row.available()).isEqualTo(6);
        assertThat(row.subscriptions()).isEqualTo(2);
    }

    @Test
    void theDatabaseItselfRefusesMoreSeatsThanBought() {
        assertThatThrownBy(() -> jdbc.sql("update subscription set assigned_seats = quantity + 1 where id = ?")
                        .param(subscription)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update subscription set assigned_seats = -1 where id = ?")
                        .param(subscription)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void unknownUsersAndProductsAreNamed() {
        String known = fixtures.member().id();
        refusedWithoutChange(
                () -> service.assign(
                        by(licenseAdmin), AssignLicenses.of(product.id(), List.of(known, "nobody-x", "nobody-y"))),
                Rule.UNKNOWN_USER,
                "nobody-x",
                "nobody-y",
                "in the directory");
        refusedWithoutChange(
                () -> service.assign(by(licenseAdmin), AssignLicenses.of("NO_SUCH_SKU", List.of(known))),
                Rule.UNKNOWN_PRODUCT,
                "There is no product 'NO_SUCH_SKU'");
        refusedWithoutChange(
                () -> service.assign(
                        by(licenseAdmin),
                        new AssignLicenses(product.id(), 999_999L, List.of(known), Set.of(), AssignmentMode.ADD)),
                Rule.UNKNOWN_SUBSCRIPTION,
                "no subscription 999999");
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        String user = fixtures.member().id();
        refusedWithoutChange(
                () -> service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), List.of(user, user))),
                Rule.DUPLICATE_USER,
                user,
                "twice");
    }

    @Test
    void onlyAGlobalAdminMayLicenseAGuest() {
        DirectoryUser guest = fixtures.guest();
        refusedWithoutChange(
                () -> service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), List.of(guest.id()))),
                Rule.GUEST_NEEDS_GLOBAL_ADMIN,
                guest.label(),
                "only a Global administrator");

        Actor global = fixtures.actor(fixtures.admin(GLOBAL_ADMIN));
        service.assign(by(global), AssignLicenses.of(product.id(), List.of(guest.id())));
        assertThat(fixtures.holders(subscription)).containsExactly(guest.id());
    }

    @Test
    void aUserWithoutUsageLocationCannotBeLicensed() {
        DirectoryUser nowhere = fixtures.user("nowhere", UserType.MEMBER, null);
        refusedWithoutChange(
                () -> service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), List.of(nowhere.id()))),
                Rule.NO_USAGE_LOCATION,
                "has no usage location",
                "Set their usage location");
    }

    @Test
    void adminsCannotAssignIntoASelfServiceSubscriptionButItsPurchaserCan() {
        DirectoryUser purchaser = fixtures.member();
        long selfService = fixtures.selfService(product, purchaser.id(), 3, LocalDate.now(clock), 7);
        String colleague = fixtures.member().id();
        Actor global = fixtures.actor(fixtures.admin(GLOBAL_ADMIN));
        var command = new AssignLicenses(product.id(), selfService, List.of(colleague), Set.of(), AssignmentMode.ADD);

        refusedWithoutChange(
                () -> service.assign(by(global), command),
                Rule.SELF_SERVICE_SUBSCRIPTION_NOT_MANAGEABLE,
                "self-service purchase by " + purchaser.displayName(),
                "take the subscription over first");

        service.assign(by(purchaser.asActor()), command);
        assertThat(fixtures.holders(selfService)).containsExactly(colleague);
        refusedWithoutChange(
                () -> service.unassign(by(global), product.id(), List.of(colleague)),
                Rule.SELF_SERVICE_SUBSCRIPTION_NOT_MANAGEABLE,
                "take the subscription over first");
    }

    @Test
    void disabledAndDeletedSubscriptionsGiveNoLicenses() {
        String user = fixtures.member().id();
        for (SubscriptionStatus status : List.of(SubscriptionStatus.DISABLED, SubscriptionStatus.DELETED)) {
            long closed = fixtures.central(product, 3);
            fixtures.status(closed, status);
            refusedWithoutChange(
                    () -> service.assign(
                            by(licenseAdmin),
                            new AssignLicenses(product.id(), closed, List.of(user), Set.of(), AssignmentMode.ADD)),
                    Rule.SUBSCRIPTION_NOT_USABLE,
                    "is " + status.label(),
                    "cannot give out licenses");
        }
        fixtures.status(subscription, SubscriptionStatus.DISABLED);
        refusedWithoutChange(
                () -> service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), List.of(user))),
                Rule.NOT_ENOUGH_SEATS,
                "no active subscription");
    }

    @Test
    void conflictingServicePlansAreRefusedUnlessOneIsSwitchedOff() {
        Product withChat = fixtures.product(
                "Chat suite", SelfServicePolicy.DISABLED, Fixtures.unique("CHAT"), Fixtures.unique("MAIL"));
        Product trialChat = fixtures.product("Chat trial", SelfServicePolicy.DISABLED, Fixtures.unique("CHATTRIAL"));
        String chat = withChat.servicePlans().get(0).id().startsWith("CHAT")
                ? withChat.servicePlans().get(0).id()
                : withChat.servicePlans().get(1).id();
        String trial = trialChat.servicePlans().get(0).id();
        catalog.addConflict(chat, trial, "only one chat service per user.");
        fixtures.central(withChat, 5);
        fixtures.central(trialChat, 5);
        String user = fixtures.member().id();
        service.assign(by(licenseAdmin), AssignLicenses.of(withChat.id(), List.of(user)));

        refusedWithoutChange(
                () -> service.assign(by(licenseAdmin), AssignLicenses.of(trialChat.id(), List.of(user))),
                Rule.CONFLICTING_SERVICE_PLANS,
                trial,
                chat,
                "only one chat service per user.",
                "switch one of the two off");

        service.changeServicePlans(by(licenseAdmin), user, withChat.id(), Set.of(chat));
        service.assign(by(licenseAdmin), AssignLicenses.of(trialChat.id(), List.of(user)));
        refusedWithoutChange(
                () -> service.changeServicePlans(by(licenseAdmin), user, withChat.id(), Set.of()),
                Rule.CONFLICTING_SERVICE_PLANS,
                chat,
                trial);
    }

    @Test
    void aUserAlreadyHoldingTheProductIsRefused() {
        String user = fixtures.member().id();
        service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), List.of(user)));
        refusedWithoutChange(
                () -> service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), List.of(user))),
                Rule.ALREADY_LICENSED,
                "already has a " + product.name());
    }

    @Test
    void replaceRemovesTheUsersOtherLicensesAddKeepsThem() {
        Product other = fixtures.product();
        long otherSubscription = fixtures.central(other, 5);
        Product third = fixtures.product();
        fixtures.central(third, 5);
        List<String> users = fixtures.members(2);
        service.assign(by(licenseAdmin), AssignLicenses.of(other.id(), users));

        service.assign(by(licenseAdmin), AssignLicenses.of(third.id(), users));
        assertThat(fixtures.holders(otherSubscription))
                .as("ADD keeps existing licenses")
                .hasSize(2);

        service.assign(
                by(licenseAdmin), new AssignLicenses(product.id(), null, users, Set.of(), AssignmentMode.REPLACE));
        assertThat(fixtures.holders(otherSubscription))
                .as("REPLACE removes them")
                .isEmpty();
        assertThat(fixtures.subscription(otherSubscription).assignedSeats()).isZero();
        assertThat(fixtures.holders(subscription)).containsExactlyInAnyOrderElementsOf(users);
        assertThat(service.licensesOf(licenseAdmin, users.get(0)).stream().filter(LicenseAssignment::isActive))
                .extracting(LicenseAssignment::productId)
                .containsExactly(product.id());
    }

    @Test
    void servicePlansCanBeSwitchedOffAtAssignmentAndLater() {
        String user = fixtures.member().id();
        String first = product.servicePlans().get(0).id();
        String second = product.servicePlans().get(1).id();

        LicenseAssignment assigned = service.assign(
                        by(licenseAdmin),
                        new AssignLicenses(product.id(), null, List.of(user), Set.of(first), AssignmentMode.ADD))
                .get(0);
        assertThat(assigned.disabledPlans()).containsExactly(first);

        LicenseAssignment changed = service.changeServicePlans(by(licenseAdmin), user, product.id(), Set.of(second));
        assertThat(changed.disabledPlans()).containsExactly(second);
        assertThat(fixtures.auditRows("SERVICE_PLANS_CHANGED", user)).isEqualTo(1);

        refusedWithoutChange(
                () -> service.changeServicePlans(by(licenseAdmin), user, product.id(), Set.of("NOPE")),
                Rule.UNKNOWN_SERVICE_PLAN,
                "NOPE");
    }

    @Test
    void unassignGivesTheSeatBackAndKeepsMailboxDataThirtyDays() {
        List<String> users = fixtures.members(3);
        service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), users));

        List<LicenseAssignment> removed = service.unassign(by(licenseAdmin), product.id(), users.subList(0, 2));

        assertThat(removed).allSatisfy(a -> {
            assertThat(a.isActive()).isFalse();
            assertThat(a.unassignedBy()).isEqualTo(licenseAdmin.userId());
            assertThat(a.dataRetainedUntil()).isEqualTo(LocalDate.now(clock).plusDays(30));
        });
        assertThat(fixtures.subscription(subscription).assignedSeats()).isEqualTo(1);
        assertThat(fixtures.auditRows("LICENSE_UNASSIGNED", users.get(0))).isEqualTo(1);

        refusedWithoutChange(
                () -> service.unassign(by(licenseAdmin), product.id(), users.subList(0, 1)),
                Rule.NOT_LICENSED,
                "has no " + product.name() + " license to remove");
    }

    @Test
    void unassignAllRemovesEveryLicenseOfTheUser() {
        Product other = fixtures.product();
        long otherSubscription = fixtures.central(other, 2);
        String user = fixtures.member().id();
        service.assign(by(licenseAdmin), AssignLicenses.of(product.id(), List.of(user)));
        service.assign(by(licenseAdmin), AssignLicenses.of(other.id(), List.of(user)));

        assertThat(service.unassignAll(by(licenseAdmin), user)).hasSize(2);

        assertThat(fixtures.holders(subscription)).isEmpty();
        assertThat(fixtures.holders(otherSubscription)).isEmpty();
        assertThat(service.licensesOf(licenseAdmin, user)).hasSize(2).noneMatch(LicenseAssignment::isActive);
    }

    @Test
    void auditRowsNameTheProcessInstanceWhenAProcessMakesTheChange() {
        String user = fixtures.member().id();
        service.assign(
                ChangeContext.byProcess(licenseAdmin, "approved request", "proc-42"),
                AssignLicenses.of(product.id(), List.of(user)));

        assertThat(jdbc.sql("select process_instance_id || '/' || reason from audit_log where user_id = ?")
                        .param(user)
                        .query(String.class)
                        .single())
                .isEqualTo("proc-42/approved request");
    }
}

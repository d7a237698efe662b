package com.licenseflow.support;

import com.licenseflow.identity.DirectoryIdentitySync;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds inventory for one test with names no other test uses, so tests sharing a Spring context
 * (and the demo data seeded into it) never see each other's rows. Users get a Camunda login whose
 * password is their id, as demo users do.
 */
public class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ProductCatalog catalog;
    private final DirectoryRepository directory;
    private final SubscriptionRepository subscriptions;
    private final DirectoryIdentitySync identity;
    private final JdbcClient jdbc;
    private final Clock clock;

    public Fixtures(
            ProductCatalog catalog,
            DirectoryRepository directory,
            SubscriptionRepository subscriptions,
            DirectoryIdentitySync identity,
            JdbcClient jdbc,
            Clock clock) {
        this.catalog = catalog;
        this.directory = directory;
        this.subscriptions = subscriptions;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** A product with the given service plans (created when new, shared when another product has them). */
    public Product product(String name, SelfServicePolicy policy, String... planIds) {
        String id = unique("P");
        List<ServicePlan> plans = Arrays.stream(planIds)
                .map(p -> new ServicePlan(p, p + " service"))
                .toList();
        catalog.insert(new Product(id, name + " " + id, new BigDecimal("10.00"), policy, plans));
        return catalog.require(id);
    }

    /** A product whose plans are new and its own: {@code <productId>_A}, {@code _B}, ... */
    public Product product(SelfServicePolicy policy, int plans) {
        String tag = unique("PL");
        String[] ids = IntStream.range(0, plans)
                .mapToObj(i -> tag + "_" + (char) ('A' + i))
                .toArray(String[]::new);
        return product("Product", policy, ids);
    }

    public Product product() {
        return product(SelfServicePolicy.DISABLED, 3);
    }

    public long central(Product product, int seats) {
        return subscription(
                product,
                SubscriptionKind.CENTRAL,
                null,
                seats,
                LocalDate.now(clock).minusDays(30),
                0);
    }

    public long selfService(Product product, String purchaser, int seats, LocalDate termStart, int windowDays) {
        return subscription(product, SubscriptionKind.SELF_SERVICE, purchaser, seats, termStart, windowDays);
    }

    private long subscription(
            Product product, SubscriptionKind kind, String purchaser, int seats, LocalDate start, int windowDays) {
        return subscriptions.insert(new Subscription(
                0,
                product.id(),
                kind,
                purchaser,
                seats,
                0,
                SubscriptionStatus.ACTIVE,
                false,
                start,
                start.plusYears(1),
                new BigDecimal("9.00"),
                true,
                windowDays,
                null));
    }

    /**
     * Gives users a license of the subscription directly in the tables (as its purchaser would have),
     * with {@code disabledPlans} switched off; takes their seats.
     */
    public void license(long subscriptionId, List<String> userIds, String... disabledPlans) {
        Subscription s = subscriptions.require(subscriptionId);
        String disabled = String.join(",", new java.util.TreeSet<>(Arrays.asList(disabledPlans)));
        for (String user : userIds) {
            jdbc.sql(
                            "insert into license_assignment (user_id, subscription_id, product_id, active_product_id, disabled_plans, "
                                    + "assigned_at, assigned_by) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            user,
                            subscriptionId,
                            s.productId(),
                            s.productId(),
                            disabled,
                            java.time.OffsetDateTime.now(clock),
                            s.purchaserId() == null ? "fixture" : s.purchaserId())
                    .update();
        }
        jdbc.sql("update subscription set assigned_seats = assigned_seats + ? where id = ?")
                .params(userIds.size(), subscriptionId)
                .update();
    }

    /** How many licenses each user holds now (of any product). */
    public java.util.Map<String, Integer> licenseCounts(List<String> userIds) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        userIds.forEach(u -> counts.put(u, 0));
        jdbc.sql(
                        "select user_id, count(*) from license_assignment where user_id in (:ids) and active_product_id is not null "
                                + "group by user_id")
                .param("ids", userIds)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    public void status(long subscriptionId, SubscriptionStatus status) {
        jdbc.sql("update subscription set status = ? where id = ?")
                .params(status.name(), subscriptionId)
                .update();
    }

    public DirectoryUser user(String name, UserType type, String usageLocation, AdminRole... roles) {
        String id = unique(name);
        DirectoryUser user = new DirectoryUser(
                id,
                name + " " + id,
                id + "@test.example",
                type,
                usageLocation,
                roles.length == 0 ? Set.of() : Set.of(roles));
        directory.insert(user);
        identity.enroll(user, id);
        return user;
    }

    /** A person whose name does not hold their id, as in a real directory: "Zoë Kramer" (zkramer17). */
    public DirectoryUser person(String displayName, AdminRole... roles) {
        String id = unique(displayName.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
        DirectoryUser user = new DirectoryUser(
                id,
                displayName,
                id + "@test.example",
                UserType.MEMBER,
                "NL",
                roles.length == 0 ? Set.of() : Set.of(roles));
        directory.insert(user);
        identity.enroll(user, id);
        return user;
    }

    /** The user's display name, as people read it. */
    public String userName(String userId) {
        return jdbc.sql("select display_name from directory_user where id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }

    public DirectoryUser member() {
        return user("user", UserType.MEMBER, "NL");
    }

    public List<String> members(int count) {
        return IntStream.range(0, count).mapToObj(i -> member().id()).toList();
    }

    public DirectoryUser guest() {
        return user("guest", UserType.GUEST, "DE");
    }

    public DirectoryUser admin(AdminRole... roles) {
        return user("admin", UserType.MEMBER, "NL", roles);
    }

    /** Puts {@code user} under {@code manager} in the org chart. */
    public void reportsTo(DirectoryUser user, DirectoryUser manager) {
        directory.changeManager(user.id(), manager.id());
    }

    /** The product of that exact name (as the approval policy names it), created when the catalog lacks it. */
    public Product namedProduct(String id, String name, String monthlyPrice) {
        return catalog.findByIdOrName(name).orElseGet(() -> {
            catalog.insert(new Product(
                    id,
                    name,
                    new BigDecimal(monthlyPrice),
                    SelfServicePolicy.DISABLED,
                    List.of(new ServicePlan(id + "_PLAN", name + " service"))));
            return catalog.require(id);
        });
    }

    public Actor actor(DirectoryUser user) {
        return user.asActor();
    }

    public Subscription subscription(long id) {
        return subscriptions.require(id);
    }

    /** Users holding a license of the subscription now, sorted. */
    public List<String> holders(long subscriptionId) {
        return jdbc.sql(
                        "select user_id from license_assignment where subscription_id = ? and active_product_id is not null "
                                + "order by user_id")
                .param(subscriptionId)
                .query(String.class)
                .list();
    }

    public int auditRows(String action, String userId) {
        return jdbc.sql("select count(*) from audit_log where action = ? and user_id = ?")
                .params(action, userId)
                .query(Integer.class)
                .single();
    }

    public int auditRowsFor(long subscriptionId) {
        return jdbc.sql("select count(*) from audit_log where subscription_id = ?")
                .param(subscriptionId)
                .query(Integer.class)
                .single();
    }

    /** Audit rows a process instance wrote with {@code action}. */
    public int auditRowsOfProcess(String processInstanceId, String action) {
        return jdbc.sql("select count(*) from audit_log where process_instance_id = ? and action = ?")
                .params(processInstanceId, action)
                .query(Integer.class)
                .single();
    }

    /** Everyone the audit trail names as having acted in a process instance. */
    public List<String> auditActorsOfProcess(String processInstanceId) {
        return jdbc.sql("select distinct actor from audit_log where process_instance_id = ?")
                .param(processInstanceId)
                .query(String.class)
                .list();
    }

    /** The id of the {@code productId} license {@code userId} holds now. */
    public long licenseId(String userId, String productId) {
        return jdbc.sql("select id from license_assignment where user_id = ? and active_product_id = ?")
                .params(userId, productId)
                .query(Long.class)
                .single();
    }

    /** Whether {@code userId} holds a {@code productId} license now. */
    public boolean holds(String userId, String productId) {
        return jdbc.sql("select count(*) from license_assignment where user_id = ? and active_product_id = ?")
                        .params(userId, productId)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    /** A fingerprint of everything an inventory change could touch, to prove a refusal changed nothing. */
    public String snapshot() {
        String seats = jdbc
                .sql("select id, quantity, assigned_seats, status from subscription order by id")
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getInt(2) + ":" + rs.getInt(3) + ":" + rs.getString(4))
                .list()
                .stream()
                .collect(Collectors.joining(","));
        String licenses = jdbc
                .sql("select id, active_product_id, disabled_plans from license_assignment order by id")
                .query((rs, n) -> rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getString(3))
                .list()
                .stream()
                .collect(Collectors.joining(","));
        int audit =
                jdbc.sql("select count(*) from audit_log").query(Integer.class).single();
        String policies = jdbc
                .sql("select id, self_service_policy from product order by id")
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
                .list()
                .stream()
                .collect(Collectors.joining(","));
        return seats + "|" + licenses + "|" + audit + "|" + policies;
    }
}

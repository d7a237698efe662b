package com.licenseflow.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant the size of a large organisation, written straight into an inventory that already holds
 * the demo catalog: 100,000 users (3 % guests, five usage locations, ten departments), one central
 * subscription per product with room for everyone, 2,000 self-service subscriptions of Power BI Pro
 * and Visio (each licensing its purchaser and one colleague), 300,000 licenses in all (three per user)
 * and one audit row per license. Seat counters are set from the licenses, as the ledger keeps them.
 * Written in batches in a few transactions: the benchmark measures reading it, not writing it.
 */
final class LargeTenant {

    record Size(int users, int selfService) {

        static final Size LARGE = new Size(100_000, 2_000);

        int licensesPerUser() {
            return 3;
        }
    }

    static final String[] PRODUCTS = {
        "SPB", "O365_BUSINESS_PREMIUM", "POWER_BI_PRO", "VISIOCLIENT", "PROJECTPROFESSIONAL"
    };
    private static final String[] SELF_SERVICE = {"POWER_BI_PRO", "VISIOCLIENT"};
    private static final String[] FIRST = {
        "Anna", "Bas", "Carla", "Daan", "Eva", "Floor", "Gijs", "Hanna", "Ivo", "Jet", "Kees", "Lisa", "Maarten",
        "Nina", "Olaf", "Pien", "Quinten", "Roos", "Stijn", "Thijs", "Ula", "Vera", "Wout", "Xander", "Yara", "Zoe",
        "Astrid", "Bjorn", "Camilla", "Dag", "Elin", "Frida", "Gustav", "Hedda", "Ingrid", "Johan", "Karin", "Lars",
        "Maja", "Nils"
    };
    private static final String[] LAST = {
        "Jansen",
        "de Vries",
        "van den Berg",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
        "Mulder",
        "de Groot",
        "Bos",
        "Vos",
        "Peters",
        "Hendriks",
        "van Leeuwen",
        "Dekker",
        "Brouwer",
        "de Wit",
        "Dijkstra",
        "Smits",
        "Andersson",
        "Johansson",
        "Karlsson",
        "Nilsson",
        "Eriksson",
        "Larsson",
        "Olsson",
        "Persson",
        "Svensson",
        "Gustafsson",
        "Pettersson",
        "Jonsson",
        "Jansson",
        "Hansson",
        "Bengtsson",
        "Lindberg",
        "Lindqvist",
        "Lindgren",
        "Berg",
        "Axelsson",
        "Moretti",
        "Rossi",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Hoffmann"
    };
    private static final String[] LOCATIONS = {"NL", "SE", "DE", "FR", "US"};
    private static final String[] DEPARTMENTS = {
        "Sales", "Operations", "Engineering", "Marketing", "Finance", "IT", "Support", "Legal", "People", "Research"
    };
    private static final int BATCH = 5_000;

    private LargeTenant() {}

    static String userId(int i) {
        return String.format("u%06d", i);
    }

    /** The users, subscriptions, licenses and audit rows; returns how many licenses were written. */
    static long generate(Connection connection, Size size, LocalDate today) throws SQLException {
        connection.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        insertUsers(connection, size);
        List<Long> central = new ArrayList<>();
        for (String product : PRODUCTS) {
            central.add(subscription(connection, product, "CENTRAL", null, size.users(), today.minusDays(100)));
        }
        long licenses = 0;
        try (PreparedStatement license = connection.prepareStatement("""
                insert into license_assignment (user_id, subscription_id, product_id, active_product_id, assigned_at,
                                                assigned_by) values (?, ?, ?, ?, ?, 'alice')""")) {
            // The self-service purchases: purchaser i licenses themselves and user i + selfService.
            for (int s = 1; s <= size.selfService(); s++) {
                String product = SELF_SERVICE[s % SELF_SERVICE.length];
                long id = subscription(connection, product, "SELF_SERVICE", userId(s), 3, today.minusDays(s % 300));
                for (String user : List.of(userId(s), userId(s + size.selfService()))) {
                    licenses += add(license, user, id, product, now);
                }
            }
            license.executeBatch();
            for (int i = 1; i <= size.users(); i++) {
                for (int k = 0; k < size.licensesPerUser(); k++) {
                    int p = (i + k) % PRODUCTS.length;
                    if (holdsSelfService(i, PRODUCTS[p], size)) {
                        continue;
                    }
                    licenses += add(license, userId(i), central.get(p), PRODUCTS[p], now);
                    if (licenses % BATCH == 0) {
                        license.executeBatch();
                    }
                }
            }
            license.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    update subscription s set assigned_seats = (select count(*) from license_assignment a
                        where a.subscription_id = s.id and a.active_product_id is not null)""");
            statement.execute("""
                    insert into audit_log (occurred_at, actor, action, user_id, product_id, subscription_id, details)
                    select a.assigned_at, 'alice', 'LICENSE_ASSIGNED', a.user_id, a.product_id, a.subscription_id,
                           'Generated for the benchmark'
                    from license_assignment a where a.user_id like 'u%'""");
        }
        connection.commit();
        // What autovacuum does a while after a bulk load (PostgreSQL 13+ vacuums after inserts too): without it
        // the first minutes measure counts that visit every row instead of the index alone.
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }
        return licenses;
    }

    /** The users whose license of a self-service product comes from a purchase, not the central subscription. */
    private static boolean holdsSelfService(int i, String product, Size size) {
        int purchase = i <= size.selfService() ? i : i <= 2 * size.selfService() ? i - size.selfService() : 0;
        return purchase > 0 && SELF_SERVICE[purchase % SELF_SERVICE.length].equals(product);
    }

    private static int add(PreparedStatement license, String user, long subscription, String product, Timestamp at)
            throws SQLException {
        license.setString(1, user);
        license.setLong(2, subscription);
        license.setString(3, product);
        license.setString(4, product);
        license.setTimestamp(5, at);
        license.addBatch();
        return 1;
    }

    private static void insertUsers(Connection connection, Size size) throws SQLException {
        try (PreparedStatement user = connection.prepareStatement("""
                insert into directory_user (id, display_name, email, user_type, usage_location, department,
                                            account_enabled) values (?, ?, ?, ?, ?, ?, true)""")) {
            for (int i = 1; i <= size.users(); i++) {
                boolean guest = i % 33 == 0;
                String name = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
                user.setString(1, userId(i));
                user.setString(2, name);
                user.setString(3, userId(i) + (guest ? "@partner.example" : "@large.example"));
                user.setString(4, guest ? "GUEST" : "MEMBER");
                user.setString(5, LOCATIONS[i % LOCATIONS.length]);
                user.setString(6, DEPARTMENTS[i % DEPARTMENTS.length]);
                user.addBatch();
                if (i % BATCH == 0) {
                    user.executeBatch();
                }
            }
            user.executeBatch();
        }
    }

    private static long subscription(
            Connection connection, String product, String kind, String purchaser, int seats, LocalDate termStart)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into subscription (product_id, kind, purchaser_id, quantity, term_start, expires_on,
                                          price_per_seat) values (?, ?, ?, ?, ?, ?, 10.00)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, product);
            insert.setString(2, kind);
            insert.setString(3, purchaser);
            insert.setInt(4, seats);
            insert.setObject(5, termStart);
            insert.setObject(6, termStart.plusYears(1));
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong("id");
            }
        }
    }
}

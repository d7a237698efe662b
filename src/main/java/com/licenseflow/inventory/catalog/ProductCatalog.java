package com.licenseflow.inventory.catalog;

import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.shared.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The products the organisation can license, their service plans and which may stand in for which. */
@Repository
public class ProductCatalog {

    private final JdbcClient jdbc;

    public ProductCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Product> find(String productId) {
        return Optional.ofNullable(
                load("where p.id = :id", Map.of("id", productId)).get(productId));
    }

    public Product require(String productId) {
        return find(productId)
                .orElseThrow(() -> Rule.UNKNOWN_PRODUCT.violation("There is no product '" + productId + "'."));
    }

    public List<Product> list() {
        return List.copyOf(load("", Map.of()).values());
    }

    /** R7: the products a request for {@code productId} can be served from, the product itself first. */
    public List<Product> servingProducts(String productId) {
        Map<String, Product> found = load(
                "where p.id = :id or p.id in "
                        + "(select substitute_id from product_substitute where product_id = :id)",
                Map.of("id", productId));
        Product requested = found.remove(productId);
        if (requested == null) {
            throw Rule.UNKNOWN_PRODUCT.violation("There is no product '" + productId + "'.");
        }
        List<Product> serving = new ArrayList<>();
        serving.add(requested);
        found.values().stream()
                .sorted(java.util.Comparator.comparing(Product::id))
                .forEach(serving::add);
        return serving;
    }

    /** The product whose id, or name in any case, is {@code text}. */
    public Optional<Product> findByIdOrName(String text) {
        return load("where p.id = :text or lower(p.name) = lower(:text)", Map.of("text", text)).values().stream()
                .findFirst();
    }

    public void insert(Product product) {
        jdbc.sql(
                        "insert into product (id, name, list_price_per_seat, self_service_policy, sku_id) values (?, ?, ?, ?, ?)")
                .params(
                        product.id(),
                        product.name(),
                        product.listPricePerSeat(),
                        product.selfServicePolicy().name(),
                        product.skuId())
                .update();
        for (ServicePlan plan : product.servicePlans()) {
            boolean known = jdbc.sql("select count(*) from service_plan where id = ?")
                            .param(plan.id())
                            .query(Integer.class)
                            .single()
                    > 0;
            if (!known) {
                jdbc.sql("insert into service_plan (id, name, guid) values (?, ?, ?)")
                        .params(plan.id(), plan.name(), plan.guid())
                        .update();
            }
            jdbc.sql("insert into product_service_plan (product_id, plan_id) values (?, ?)")
                    .params(product.id(), plan.id())
                    .update();
        }
    }

    /** The product Microsoft Graph names by {@code skuId}. */
    public Optional<Product> findBySkuId(String skuId) {
        return jdbc.sql("select id from product where sku_id = ?")
                .param(skuId)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    public void changeSkuId(String productId, String skuId) {
        jdbc.sql("update product set sku_id = ? where id = ?")
                .params(skuId, productId)
                .update();
    }

    public boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from product where name = ?")
                        .param(name)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * A service plan the product has (in the tenant) and the catalog did not: known plans (by Microsoft's id or
     * by name) are linked, new ones added.
     */
    public void addPlan(String productId, ServicePlan plan) {
        String id = plan.guid() == null
                ? null
                : jdbc.sql("select id from service_plan where guid = ?")
                        .param(plan.guid())
                        .query(String.class)
                        .optional()
                        .orElse(null);
        if (id == null) {
            id = plan.id();
            boolean known = jdbc.sql("select count(*) from service_plan where id = ?")
                            .param(id)
                            .query(Integer.class)
                            .single()
                    > 0;
            if (!known) {
                jdbc.sql("insert into service_plan (id, name, guid) values (?, ?, ?)")
                        .params(id, plan.name(), plan.guid())
                        .update();
            } else if (plan.guid() != null) {
                jdbc.sql("update service_plan set guid = ? where id = ? and guid is null")
                        .params(plan.guid(), id)
                        .update();
            }
        }
        boolean linked = jdbc.sql("select count(*) from product_service_plan where product_id = ? and plan_id = ?")
                        .params(productId, id)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!linked) {
            jdbc.sql("insert into product_service_plan (product_id, plan_id) values (?, ?)")
                    .params(productId, id)
                    .update();
        }
    }

    public void addSubstitute(String productId, String substituteId) {
        jdbc.sql("insert into product_substitute (product_id, substitute_id) values (?, ?)")
                .params(productId, substituteId)
                .update();
    }

    public void addConflict(String planA, String planB, String reason) {
        String first = planA.compareTo(planB) < 0 ? planA : planB;
        String second = first.equals(planA) ? planB : planA;
        jdbc.sql("insert into service_plan_conflict (plan_a, plan_b, reason) values (?, ?, ?)")
                .params(first, second, reason)
                .update();
    }

    /** One round trip: products with their service plans (one row per plan). */
    private Map<String, Product> load(String where, Map<String, ?> params) {
        Map<String, Product> products = new LinkedHashMap<>();
        Map<String, List<ServicePlan>> plans = new HashMap<>();
        jdbc.sql("select p.*, s.id as plan_id, s.name as plan_name, s.guid as plan_guid from product p "
                        + "left join product_service_plan pp on pp.product_id = p.id "
                        + "left join service_plan s on s.id = pp.plan_id " + where + " order by p.name, s.name")
                .params(params)
                .query(rs -> {
                    String id = rs.getString("id");
                    List<ServicePlan> own = plans.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getString("plan_id") != null) {
                        own.add(new ServicePlan(
                                rs.getString("plan_id"), rs.getString("plan_name"), rs.getString("plan_guid")));
                    }
                    products.putIfAbsent(
                            id,
                            new Product(
                                    id,
                                    rs.getString("name"),
                                    rs.getBigDecimal("list_price_per_seat"),
                                    SelfServicePolicy.valueOf(rs.getString("self_service_policy")),
                                    own,
                                    rs.getString("sku_id")));
                });
        products.replaceAll((id, p) -> new Product(
                p.id(), p.name(), p.listPricePerSeat(), p.selfServicePolicy(), List.copyOf(plans.get(id)), p.skuId()));
        return products;
    }

    /** Plan ids among {@code planIds} that {@code product} does not contain, sorted. */
    public static Set<String> plansOutside(Product product, Set<String> planIds) {
        Set<String> outside = new TreeSet<>(planIds);
        outside.removeAll(product.planIds());
        return outside;
    }
}

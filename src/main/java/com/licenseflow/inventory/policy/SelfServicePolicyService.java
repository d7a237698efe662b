package com.licenseflow.inventory.policy;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** S3: show the default, list every product's value, show or change one product's value. */
@Service
public class SelfServicePolicyService {

    private final ProductCatalog catalog;
    private final AccessPolicy access;
    private final LicenseLedger ledger;
    private final JdbcClient jdbc;

    public SelfServicePolicyService(
            ProductCatalog catalog, AccessPolicy access, LicenseLedger ledger, JdbcClient jdbc) {
        this.catalog = catalog;
        this.access = access;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    public SelfServicePolicy defaultPolicy(Actor actor) {
        access.requireBillingManager(actor, "read the self-service purchase policy");
        return SelfServicePolicy.DEFAULT;
    }

    public List<Product> list(Actor actor) {
        access.requireBillingManager(actor, "read the self-service purchase policy");
        return catalog.list();
    }

    public Product policyOf(Actor actor, String productId) {
        access.requireBillingManager(actor, "read the self-service purchase policy");
        return catalog.require(productId);
    }

    @Transactional
    public Product change(ChangeContext context, String productId, SelfServicePolicy policy) {
        access.requireBillingManager(context.actor(), "change the self-service purchase policy");
        Product product = catalog.require(productId);
        if (product.selfServicePolicy() != policy) {
            jdbc.sql("update product set self_service_policy = ? where id = ?")
                    .params(policy.name(), productId)
                    .update();
            ledger.record(
                    context,
                    AuditAction.SELF_SERVICE_POLICY_CHANGED,
                    null,
                    productId,
                    null,
                    "Self-service purchases of " + product.name() + " changed: " + policy.words() + " (until now "
                            + product.selfServicePolicy().words() + ")");
        }
        return catalog.require(productId);
    }
}

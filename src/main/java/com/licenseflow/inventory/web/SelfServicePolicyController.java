package com.licenseflow.inventory.web;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.policy.SelfServicePolicyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** S3: AllowSelfServicePurchase - the default, every product's value, one product's value. */
@Tag(name = "Self-service policies")
@RestController
@RequestMapping("/api/self-service-policies")
class SelfServicePolicyController {

    public record PolicyJson(String productId, String productName, String policyId, String value) {
        static PolicyJson of(Product p) {
            return new PolicyJson(
                    p.id(),
                    p.name(),
                    "AllowSelfServicePurchase",
                    p.selfServicePolicy().value());
        }
    }

    public record DefaultPolicyJson(String policyId, String defaultValue) {}

    public record PolicyChange(String value, String reason) {}

    private final SelfServicePolicyService policies;
    private final CurrentActor actor;

    public SelfServicePolicyController(SelfServicePolicyService policies, CurrentActor actor) {
        this.policies = policies;
        this.actor = actor;
    }

    @Operation(summary = "S3 the default AllowSelfServicePurchase", description = "Global and billing admins.")
    @GetMapping("/default")
    public DefaultPolicyJson defaultPolicy() {
        return new DefaultPolicyJson(
                "AllowSelfServicePurchase", policies.defaultPolicy(actor.get()).value());
    }

    @Operation(summary = "S3 AllowSelfServicePurchase of every product", description = "Global and billing admins.")
    @GetMapping
    public List<PolicyJson> list() {
        return policies.list(actor.get()).stream().map(PolicyJson::of).toList();
    }

    @Operation(summary = "S3 AllowSelfServicePurchase of one product", description = "Global and billing admins.")
    @GetMapping("/{productId}")
    public PolicyJson get(@PathVariable String productId) {
        return PolicyJson.of(policies.policyOf(actor.get(), productId));
    }

    @Operation(
            summary = "S3 change a product's AllowSelfServicePurchase",
            description =
                    "`{\"value\":\"Enabled\"|\"OnlyTrialsWithoutPaymentMethod\"|\"Disabled\"}`. Global and billing admins.")
    @PutMapping("/{productId}")
    public PolicyJson change(@PathVariable String productId, @RequestBody PolicyChange change) {
        return PolicyJson.of(
                policies.change(actor.change(change.reason()), productId, SelfServicePolicy.parse(change.value())));
    }
}

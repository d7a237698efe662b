package com.licenseflow.security;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.support.Api;
import com.licenseflow.support.EngineState;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.ProcessDriver;
import com.licenseflow.support.WebappSession;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every attack test starts from: an employee's license request waiting for review, the people
 * who would attack it (the employee, a License administrator, a Billing administrator) and the
 * Global administrator who may decide it; and the check every attack ends with: refused with a 4xx
 * that says why, and nothing changed anywhere.
 */
abstract class AttackTest {

    static final String REVIEW = "Activity_ReviewLicenseRequest";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    EngineState state;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    Product product;
    long seats;
    DirectoryUser employee;
    DirectoryUser colleague;
    DirectoryUser licenseAdmin;
    DirectoryUser billingAdmin;
    DirectoryUser globalAdmin;
    ProcessInstance request;

    @BeforeEach
    void scene() {
        product = fixtures.product();
        seats = fixtures.central(product, 5);
        employee = fixtures.member();
        colleague = fixtures.member();
        licenseAdmin = fixtures.admin(LICENSE_ADMIN);
        billingAdmin = fixtures.admin(BILLING_ADMIN);
        globalAdmin = fixtures.admin(GLOBAL_ADMIN);
        request = requestBy(employee, colleague);
    }

    ProcessInstance requestBy(DirectoryUser requester) {
        return requestBy(requester, fixtures.member());
    }

    ProcessInstance requestBy(DirectoryUser requester, DirectoryUser with) {
        return driver.as(
                requester.id(),
                () -> runtime.startProcessInstanceByKey(
                        "license-request",
                        Map.of(
                                "requestedProduct",
                                product.id(),
                                "requestedColleagues",
                                with.id(),
                                "justification",
                                "needed")));
    }

    String requestId() {
        return (String) runtime.getVariable(request.getId(), "licenseRequestId");
    }

    Api api(DirectoryUser user) {
        return Api.at(port).as(user.id());
    }

    WebappSession tasklist(DirectoryUser user) {
        return WebappSession.login(port, user.id(), "tasklist");
    }

    WebappSession cockpit(DirectoryUser user) {
        return WebappSession.login(port, user.id(), "cockpit");
    }

    /** The attack is answered {@code status} with a message containing {@code message}, and nothing changed. */
    Api.Response refusedAndUnchanged(Supplier<Api.Response> attack, int status, String message) {
        String before = state.snapshot();
        Api.Response response = attack.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(message);
        assertThat(state.snapshot()).as("nothing changed").isEqualTo(before);
        return response;
    }
}

package com.licenseflow.inventory.catalog;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Microsoft's "Product names and service plan identifiers for licensing" CSV imported over HTTP: the
 * organisation's products and plans take Microsoft's ids and names; a wrong file or a caller who may not
 * import changes nothing.
 */
@IntegrationTest
class MicrosoftCatalogImportTest {

    private static final String CSV = "text/csv";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MicrosoftCatalogImport catalogImport;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    com.licenseflow.config.StartupLock startupLock;

    Api anonymous;
    Api globalAdmin;
    Product ours;
    String skuId;
    String planGuid;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        globalAdmin = anonymous.as(fixtures.admin(GLOBAL_ADMIN).id());
        ours = fixtures.product();
        skuId = UUID.randomUUID().toString();
        planGuid = UUID.randomUUID().toString();
    }

    /** Microsoft's excerpt (the demo's six products, as Microsoft publishes them) and a row for a product of ours. */
    private String catalog() {
        try {
            String excerpt = new String(
                    getClass()
                            .getResourceAsStream("/catalog/microsoft-catalog-excerpt.csv")
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            return excerpt + "Contoso Widgets " + ours.id() + "," + ours.id() + "," + skuId.toUpperCase() + ","
                    + planA() + "," + planGuid + ",\"Widget designer, desktop\"\r\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String planA() {
        return ours.servicePlans().get(0).id();
    }

    /** Everything an import changes: product names and ids, plan names and ids, the imported catalog, the audit trail. */
    private String catalogSnapshot() {
        return jdbc
                        .sql("select id, name, sku_id from product order by id")
                        .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3))
                        .list()
                        .stream()
                        .collect(Collectors.joining(","))
                + "|"
                + jdbc
                        .sql("select id, name, guid from service_plan order by id")
                        .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3))
                        .list()
                        .stream()
                        .collect(Collectors.joining(","))
                + "|"
                + jdbc.sql("select count(*) from catalog_sku")
                        .query(Integer.class)
                        .single()
                + "|"
                + jdbc.sql("select count(*) from catalog_sku_plan")
                        .query(Integer.class)
                        .single()
                + "|" + fixtures.snapshot();
    }

    private void refusedWithoutChange(Api caller, String body, int status, String rule, String... detail) {
        String before = catalogSnapshot();
        Api.Response response = caller.post("/api/catalog/import", CSV, body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (rule != null) {
            assertThat(response.json().path("rule").asText()).isEqualTo(rule);
            if (detail.length > 0) {
                assertThat(response.detail()).contains(detail);
            }
        }
        assertThat(catalogSnapshot()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aGlobalAdminImportsMicrosoftsFileAndOurProductsAndPlansTakeMicrosoftsIdsAndNames() {
        Api.Response imported = globalAdmin.post("/api/catalog/import?reason=New%20catalog", CSV, catalog());

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode result = imported.json();
        assertThat(result.path("skus").asInt()).isEqualTo(8);
        assertThat(result.path("servicePlans").asInt()).isEqualTo(27);
        JsonNode renamed = Api.find(result.path("renamedProducts"), "productId", ours.id());
        assertThat(renamed.path("from").asText()).isEqualTo(ours.name());
        assertThat(renamed.path("to").asText()).isEqualTo("Contoso Widgets " + ours.id());

        JsonNode product = globalAdmin.get("/api/licenses/" + ours.id()).json().path("product");
        assertThat(product.path("skuId").asText())
                .as("stored as Graph writes it")
                .isEqualTo(skuId);
        assertThat(product.path("name").asText()).isEqualTo("Contoso Widgets " + ours.id());
        JsonNode plan = Api.find(product.path("servicePlans"), "id", planA());
        assertThat(plan.path("guid").asText()).isEqualTo(planGuid);
        assertThat(plan.path("name").asText()).as("a quoted name with a comma").isEqualTo("Widget designer, desktop");
        assertThat(Api.find(
                                product.path("servicePlans"),
                                "id",
                                ours.servicePlans().get(1).id())
                        .path("guid")
                        .isMissingNode())
                .as("a plan the file does not name keeps its name and has no Microsoft id")
                .isTrue();

        JsonNode audit = globalAdmin.get("/api/audit?action=CATALOG_IMPORTED").json();
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.path("details").asText())
                    .contains("imported from an upload: 8 products, 27 service plans");
            assertThat(entry.path("reason").asText()).isEqualTo("New catalog");
        });

        Api.Response again = globalAdmin.post("/api/catalog/import", CSV, catalog());
        assertThat(again.json().path("renamedProducts"))
                .as("a second import of the same file renames nothing")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from catalog_sku")
                        .query(Integer.class)
                        .single())
                .as("replaced, not added to")
                .isEqualTo(8);
    }

    @Test
    void onlyAGlobalAdminMayImportAndNobodyElseChangesAnything() {
        refusedWithoutChange(anonymous, catalog(), 401, null);
        refusedWithoutChange(
                anonymous.as(fixtures.member().id()),
                catalog(),
                403,
                "ADMIN_ROLE_REQUIRED",
                "import Microsoft's product catalog");
        refusedWithoutChange(anonymous.as(fixtures.admin(LICENSE_ADMIN).id()), catalog(), 403, "ADMIN_ROLE_REQUIRED");
        refusedWithoutChange(anonymous.as(fixtures.admin(BILLING_ADMIN).id()), catalog(), 403, "ADMIN_ROLE_REQUIRED");
    }

    @Test
    void aFileWithWrongLinesImportsNothingAndSaysWhichLines() {
        String broken = catalog()
                .replace("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "not-a-guid")
                .replace("Power BI Pro,POWER_BI_PRO,f8a1db68", "Power BI Pro,,f8a1db68");
        refusedWithoutChange(
                globalAdmin,
                broken,
                422,
                "INVALID_CATALOG_FILE",
                "Nothing was imported",
                "line 2: Service_Plan_Id \"not-a-guid\" is not a GUID",
                "line 10:",
                "line 15: String_Id is empty");
    }

    @Test
    void aFileThatIsNotMicrosoftsCatalogIsRefusedInWords() {
        refusedWithoutChange(
                globalAdmin,
                "name,email\nEmma,emma@example.com\n",
                422,
                "INVALID_CATALOG_FILE",
                "This is not Microsoft's \"Product names and service plan identifiers for licensing\" file",
                "Product_Display_Name");
        refusedWithoutChange(
                globalAdmin,
                String.join(
                                ",",
                                "Product_Display_Name",
                                "String_Id",
                                "GUID",
                                "Service_Plan_Name",
                                "Service_Plan_Id",
                                "Service_Plans_Included_Friendly_Names")
                        + "\n",
                422,
                "INVALID_CATALOG_FILE",
                "names no products");
    }

    @Test
    void theFileTheConfigurationNamesIsImportedAtStartAndAMissingOneStopsTheStartInWords(@TempDir Path folder)
            throws Exception {
        Path file = folder.resolve("Product names and service plan identifiers for licensing.csv");
        Files.writeString(file, catalog(), StandardCharsets.UTF_8);

        transaction.executeWithoutResult(status -> run(new CatalogSettings(file)));

        assertThat(jdbc.sql("select sku_id from product where id = ?")
                        .param(ours.id())
                        .query(String.class)
                        .single())
                .isEqualTo(skuId);
        assertThat(jdbc.sql("select actor from audit_log where action = 'CATALOG_IMPORTED' order by id desc")
                        .query(String.class)
                        .list()
                        .get(0))
                .isEqualTo("catalog-import-at-start");

        Path missing = folder.resolve("missing.csv");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> run(new CatalogSettings(missing))))
                .hasMessageContaining("licenseflow.catalog.import-file: cannot read " + missing);
    }

    private void run(CatalogSettings settings) {
        try {
            new CatalogImportAtStart(settings, catalogImport, startupLock).run(new DefaultApplicationArguments());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

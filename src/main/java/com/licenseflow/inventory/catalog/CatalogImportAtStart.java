package com.licenseflow.inventory.catalog;

import com.licenseflow.config.StartupLock;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.audit.ChangeContext;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Imports {@link CatalogSettings#importFile()} once the demo data (if any) is in, so that it names those products too. */
@Component
@Order(4)
class CatalogImportAtStart implements ApplicationRunner {

    /** Who the audit trail names for an import the configuration asked for. */
    static final Actor CONFIGURATION =
            Actor.system("catalog-import-at-start", "The catalog import at start", AdminRole.GLOBAL_ADMIN);

    private static final Logger LOG = LoggerFactory.getLogger(CatalogImportAtStart.class);

    private final CatalogSettings settings;
    private final MicrosoftCatalogImport catalogImport;
    private final StartupLock startupLock;

    CatalogImportAtStart(CatalogSettings settings, MicrosoftCatalogImport catalogImport, StartupLock startupLock) {
        this.settings = settings;
        this.catalogImport = catalogImport;
        this.startupLock = startupLock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (settings.importFile() == null) {
            return;
        }
        // Two nodes starting together import one after the other, not interleaved.
        startupLock.hold();
        try (Reader csv = Files.newBufferedReader(settings.importFile(), StandardCharsets.UTF_8)) {
            MicrosoftCatalogImport.Result result = catalogImport.importCsv(
                    ChangeContext.byUser(CONFIGURATION, "licenseflow.catalog.import-file"),
                    csv,
                    settings.importFile().getFileName().toString());
            LOG.info(
                    "Microsoft's product catalog imported from {}: {} products, {} service plans; {} of ours matched",
                    settings.importFile(),
                    result.skus(),
                    result.servicePlans(),
                    result.productsMatched());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "licenseflow.catalog.import-file: cannot read " + settings.importFile() + " (" + e.getMessage()
                            + ")",
                    e);
        }
    }
}

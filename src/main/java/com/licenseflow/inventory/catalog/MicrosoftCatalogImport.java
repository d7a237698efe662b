package com.licenseflow.inventory.catalog;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Rule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports Microsoft's "Product names and service plan identifiers for licensing" CSV, which an admin
 * downloads from Microsoft: every SKU with its part number, skuId and display name, every service plan
 * with its name, id and friendly name. The organisation's products and service plans that the file names
 * (by skuId or part number, by plan id or plan name) take Microsoft's ids and display names. All or
 * nothing: a file with one bad line changes nothing and says which lines are wrong.
 */
@Service
public class MicrosoftCatalogImport {

    static final List<String> COLUMNS = List.of(
            "Product_Display_Name",
            "String_Id",
            "GUID",
            "Service_Plan_Name",
            "Service_Plan_Id",
            "Service_Plans_Included_Friendly_Names");
    private static final int ERRORS_SHOWN = 10;
    private static final Pattern TRAILING_ID = Pattern.compile("\\s*\\([0-9a-fA-F-]{36}\\)$");

    /** What an import changed, in names: the products renamed and how many plans got Microsoft's names. */
    public record Result(
            int skus,
            int servicePlans,
            List<Renamed> renamedProducts,
            int productsMatched,
            List<String> productsNotInCatalog,
            int servicePlansMatched) {}

    public record Renamed(String productId, String from, String to) {}

    record Sku(String skuId, String partNumber, String name, Map<String, Plan> plans) {}

    record Plan(String guid, String name, String displayName) {}

    private record Applied(List<Renamed> renamed, int productsMatched, List<String> notInCatalog, int plansMatched) {}

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final LicenseLedger ledger;
    private final ProductCatalog catalog;

    public MicrosoftCatalogImport(JdbcClient jdbc, AccessPolicy access, LicenseLedger ledger, ProductCatalog catalog) {
        this.jdbc = jdbc;
        this.access = access;
        this.ledger = ledger;
        this.catalog = catalog;
    }

    /** Global administrators only: the catalog names every product for everyone. */
    public void requireMayImport(com.licenseflow.inventory.access.Actor actor) {
        access.requireGlobalAdmin(actor, "import Microsoft's product catalog");
    }

    @Transactional
    public Result importCsv(ChangeContext context, Reader csv, String source) {
        requireMayImport(context.actor());
        Map<String, Sku> skus = read(csv);
        jdbc.sql("delete from catalog_sku_plan").update();
        jdbc.sql("delete from catalog_sku").update();
        int plans = 0;
        for (Sku sku : skus.values()) {
            jdbc.sql("insert into catalog_sku (sku_id, part_number, display_name) values (?, ?, ?)")
                    .params(sku.skuId(), sku.partNumber(), sku.name())
                    .update();
            for (Plan plan : sku.plans().values()) {
                jdbc.sql(
                                "insert into catalog_sku_plan (sku_id, plan_guid, plan_name, display_name) values (?, ?, ?, ?)")
                        .params(sku.skuId(), plan.guid(), plan.name(), plan.displayName())
                        .update();
                plans++;
            }
        }
        Applied applied = apply(skus);
        ledger.record(
                context,
                AuditAction.CATALOG_IMPORTED,
                null,
                null,
                null,
                String.format(
                        "Microsoft's product catalog imported from %s: %d products, %d service plans; %d of ours matched, %d renamed",
                        source,
                        skus.size(),
                        plans,
                        applied.productsMatched(),
                        applied.renamed().size()));
        return new Result(
                skus.size(),
                plans,
                applied.renamed(),
                applied.productsMatched(),
                applied.notInCatalog(),
                applied.plansMatched());
    }

    /** {@link #importCsv(ChangeContext, Reader, String)} of a file as uploaded (UTF-8, as Microsoft publishes it). */
    @Transactional
    public Result importCsv(ChangeContext context, java.io.InputStream csv, String source) {
        try (Reader reader = new java.io.InputStreamReader(csv, java.nio.charset.StandardCharsets.UTF_8)) {
            return importCsv(context, reader, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The display name Microsoft's catalog gives a skuId, if it was imported. */
    public java.util.Optional<String> displayName(String skuId) {
        return jdbc.sql("select display_name from catalog_sku where sku_id = ?")
                .param(skuId.toLowerCase(Locale.ROOT))
                .query(String.class)
                .optional();
    }

    /** The friendly name Microsoft's catalog gives a service plan id, if it was imported. */
    public java.util.Optional<String> planDisplayName(String planGuid) {
        return jdbc.sql("select min(display_name) from catalog_sku_plan where plan_guid = ?")
                .param(planGuid.toLowerCase(Locale.ROOT))
                .query(String.class)
                .optional();
    }

    private Applied apply(Map<String, Sku> skus) {
        Map<String, Sku> byPart = new HashMap<>();
        skus.values().forEach(sku -> byPart.putIfAbsent(sku.partNumber().toUpperCase(Locale.ROOT), sku));
        Map<String, Plan> plansByGuid = new HashMap<>();
        Map<String, Plan> plansByName = new HashMap<>();
        for (Sku sku : skus.values()) {
            for (Plan plan : sku.plans().values()) {
                plansByGuid.putIfAbsent(plan.guid(), plan);
                plansByName.putIfAbsent(plan.name().toUpperCase(Locale.ROOT), plan);
            }
        }
        List<Renamed> renamed = new ArrayList<>();
        List<String> notInCatalog = new ArrayList<>();
        int matched = 0;
        for (Product product : catalog.list()) {
            Sku sku = product.skuId() != null
                    ? skus.get(product.skuId())
                    : byPart.get(product.id().toUpperCase(Locale.ROOT));
            if (sku == null) {
                notInCatalog.add(product.name());
                continue;
            }
            matched++;
            boolean nameFree = sku.name().equals(product.name()) || !catalog.nameTaken(sku.name());
            jdbc.sql("update product set sku_id = ?, name = ? where id = ?")
                    .params(sku.skuId(), nameFree ? sku.name() : product.name(), product.id())
                    .update();
            if (nameFree && !sku.name().equals(product.name())) {
                renamed.add(new Renamed(product.id(), product.name(), sku.name()));
            }
        }
        int plansMatched = 0;
        for (Map<String, Object> row :
                jdbc.sql("select id, guid from service_plan").query().listOfRows()) {
            String guid = (String) row.get("guid");
            Plan plan = guid != null
                    ? plansByGuid.get(guid)
                    : plansByName.get(((String) row.get("id")).toUpperCase(Locale.ROOT));
            boolean guidFree = plan != null
                    && (plan.guid().equals(guid)
                            || jdbc.sql("select count(*) from service_plan where guid = ?")
                                            .param(plan.guid())
                                            .query(Integer.class)
                                            .single()
                                    == 0);
            if (guidFree) {
                jdbc.sql("update service_plan set guid = ?, name = ? where id = ?")
                        .params(plan.guid(), plan.displayName(), row.get("id"))
                        .update();
                plansMatched++;
            }
        }
        return new Applied(renamed, matched, notInCatalog, plansMatched);
    }

    /** Every SKU of the file with its plans, or a refusal naming the first lines that are wrong. */
    static Map<String, Sku> read(Reader csv) {
        List<String> errors = new ArrayList<>();
        Map<String, Sku> skus = new LinkedHashMap<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(withoutByteOrderMark(csv))) {
            List<String> missing = COLUMNS.stream()
                    .filter(c -> !parser.getHeaderMap().containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                throw Rule.INVALID_CATALOG_FILE.violation("This is not Microsoft's \"Product names and service plan "
                        + "identifiers for licensing\" file: it has no column " + String.join(", ", missing) + ".");
            }
            for (CSVRecord row : parser) {
                String problem = problem(row);
                if (problem != null) {
                    errors.add("line " + (row.getRecordNumber() + 1) + ": " + problem);
                    continue;
                }
                String skuId = value(row, "GUID").toLowerCase(Locale.ROOT);
                Sku sku = skus.computeIfAbsent(
                        skuId,
                        id -> new Sku(
                                id,
                                value(row, "String_Id"),
                                value(row, "Product_Display_Name"),
                                new LinkedHashMap<>()));
                if (!sku.partNumber().equals(value(row, "String_Id"))) {
                    errors.add("line " + (row.getRecordNumber() + 1) + ": product " + skuId + " is " + sku.partNumber()
                            + " above, " + value(row, "String_Id") + " here");
                    continue;
                }
                String planGuid = value(row, "Service_Plan_Id").toLowerCase(Locale.ROOT);
                String friendly = TRAILING_ID
                        .matcher(value(row, "Service_Plans_Included_Friendly_Names"))
                        .replaceFirst("");
                sku.plans()
                        .putIfAbsent(
                                planGuid,
                                new Plan(
                                        planGuid,
                                        value(row, "Service_Plan_Name"),
                                        friendly.isBlank() ? value(row, "Service_Plan_Name") : friendly));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw Rule.INVALID_CATALOG_FILE.violation("The file cannot be read as CSV: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw Rule.INVALID_CATALOG_FILE.violation("Nothing was imported. " + errors.size() + " line"
                    + (errors.size() == 1 ? " is" : "s are") + " wrong: "
                    + String.join("; ", errors.subList(0, Math.min(ERRORS_SHOWN, errors.size())))
                    + (errors.size() > ERRORS_SHOWN ? "; ..." : "."));
        }
        if (skus.isEmpty()) {
            throw Rule.INVALID_CATALOG_FILE.violation("The file names no products: nothing was imported.");
        }
        return skus;
    }

    private static String problem(CSVRecord row) {
        if (!row.isConsistent()) {
            return "it has " + row.size() + " columns, the header " + COLUMNS.size() + " or more";
        }
        for (String column : List.of("Product_Display_Name", "String_Id", "Service_Plan_Name")) {
            if (value(row, column).isBlank()) {
                return column + " is empty";
            }
        }
        for (String column : List.of("GUID", "Service_Plan_Id")) {
            if (!isGuid(value(row, column))) {
                return column + " \"" + value(row, column) + "\" is not a GUID";
            }
        }
        return null;
    }

    /** Microsoft's file carries stray spaces, non-breaking ones too, around some values. */
    private static String value(CSVRecord row, String column) {
        return row.get(column).replace('\u00A0', ' ').strip();
    }

    private static boolean isGuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Microsoft's file starts with a UTF-8 byte order mark, which would otherwise become part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        BufferedReader reader = new BufferedReader(csv);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}

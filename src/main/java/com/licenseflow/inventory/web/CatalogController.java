package com.licenseflow.inventory.web;

import com.licenseflow.inventory.catalog.MicrosoftCatalogImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Microsoft's product catalog: the names and ids Microsoft gives its products and service plans. */
@Tag(name = "Catalog")
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final MicrosoftCatalogImport catalogImport;
    private final CurrentActor actor;

    CatalogController(MicrosoftCatalogImport catalogImport, CurrentActor actor) {
        this.catalogImport = catalogImport;
        this.actor = actor;
    }

    @Operation(
            summary = "Import Microsoft's \"Product names and service plan identifiers for licensing\" CSV",
            description = "The file as Microsoft publishes it (columns Product_Display_Name, String_Id, GUID, "
                    + "Service_Plan_Name, Service_Plan_Id, Service_Plans_Included_Friendly_Names), as the body "
                    + "(`Content-Type: text/csv`). Replaces the catalog imported before; the organisation's products "
                    + "and service plans it names take Microsoft's ids and display names. A file with a wrong line "
                    + "changes nothing (422, naming the lines). Global admins.")
    @PostMapping(
            path = "/import",
            consumes = {"text/csv", "application/octet-stream", "text/plain"})
    public MicrosoftCatalogImport.Result importBody(
            HttpServletRequest request, @RequestParam(required = false) String reason) throws IOException {
        return catalogImport.importCsv(actor.change(reason), request.getInputStream(), "an upload");
    }

    @Operation(
            summary = "Import Microsoft's catalog CSV as a form upload",
            description = "The same as the CSV body, as `multipart/form-data` with the file in the part `file`.")
    @PostMapping(path = "/import", consumes = "multipart/form-data")
    public MicrosoftCatalogImport.Result importFile(
            @RequestPart("file") MultipartFile file, @RequestParam(required = false) String reason) throws IOException {
        return catalogImport.importCsv(
                actor.change(reason),
                file.getInputStream(),
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "an upload"
                        : file.getOriginalFilename());
    }
}

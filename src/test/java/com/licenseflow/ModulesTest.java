package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The modules' boundaries, kept by Spring Modulith: no cycle between modules, and a module uses
 * another only through its base package or a named interface (@NamedInterface), never its
 * internals. docs/modules.md draws the modules from the same model.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(LicenseFlowApplication.class);
    private static final Path DIAGRAM = Path.of("docs", "modules.md");

    @Test
    void everyModuleUsesTheOthersOnlyThroughWhatTheyExpose() {
        MODULES.verify();
        assertThat(MODULES.stream().map(ApplicationModule::getName))
                .contains(
                        "inventory",
                        "request",
                        "takeover",
                        "centralization",
                        "selfservice",
                        "notification",
                        "identity",
                        "console");
    }

    @Test
    void aModuleThatReachesIntoAnothersInternalsIsRefused() {
        // A sample of two modules (in the tests): request uses inventory.internal.LicenseRows.
        ApplicationModules sample = ApplicationModules.of("licenseflowcheck", new ImportOption.OnlyIncludeTests());
        assertThatThrownBy(sample::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("LicenseRows")
                .hasMessageContaining("non-exposed type");
    }

    @Test
    void theModuleDiagramInTheDocsIsCurrent() throws IOException {
        String drawn = diagram();
        if (Boolean.getBoolean("modules.write")) {
            Files.writeString(DIAGRAM, drawn);
        }
        assertThat(Files.readString(DIAGRAM))
                .as("docs/modules.md is stale: run mvn test -Dtest=ModulesTest " + "-Dmodules.write=true")
                .isEqualTo(drawn);
    }

    /** Mermaid, which GitHub and most Markdown viewers draw: one box per module, an arrow per dependency. */
    private static String diagram() {
        StringBuilder text = new StringBuilder("""
                # LicenseFlow's modules

                Drawn from the code by `ModulesTest` (Spring Modulith's model of the application); an arrow
                means "uses". Open modules (shared building blocks) are drawn with rounded corners. Regenerate with
                `mvn test -Dtest=ModulesTest -Dmodules.write=true`.

                ```mermaid
                flowchart TD
                """);
        MODULES.stream()
                .sorted(Comparator.comparing(ApplicationModule::getName))
                .forEach(module -> {
                    String label = module.getDisplayName();
                    text.append("    ")
                            .append(module.getName())
                            .append(module.isOpen() ? "(\"" + label + "\")" : "[\"" + label + "\"]")
                            .append('\n');
                });
        MODULES.stream()
                .sorted(Comparator.comparing(ApplicationModule::getName))
                .forEach(module -> text.append(module.getDirectDependencies(MODULES)
                        .uniqueModules()
                        .map(ApplicationModule::getName)
                        .sorted()
                        .map(target -> "    " + module.getName() + " --> " + target + "\n")
                        .collect(Collectors.joining())));
        return text.append("```\n").toString();
    }
}

package dev.slk.core.testmodules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.ModuleResources;
import java.net.URL;
import java.util.List;
import software.constructs.Construct;

/** A module that names a mapping file its jar does not hold, so eventMappings throws; registered by {@code TestRegistries}. */
public final class SampleMissingMappingsModule extends BaseIntegrationModule {
    @Override
    public String moduleId() {
        return "sample-missing-mappings";
    }

    @Override
    public String moduleName() {
        return "Sample Missing Mappings";
    }

    @Override
    public String moduleVersion() {
        return "1.0.0";
    }

    @Override
    public String moduleDescription() {
        return "Test module whose mapping file is missing";
    }

    @Override
    public List<URL> eventMappings() {
        return mappingResources("missing.yaml");
    }

    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        // Synthesis is not exercised by validation tests.
        return ModuleResources.none();
    }
}

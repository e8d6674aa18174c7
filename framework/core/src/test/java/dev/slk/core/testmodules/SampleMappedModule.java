package dev.slk.core.testmodules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.ModuleResources;
import java.net.URL;
import java.util.List;
import software.constructs.Construct;

/**
 * A module whose mappings produce a finding class, AUTHENTICATION and API_ACTIVITY (with a
 * catch-all fallback), as a source module's do. Not in the test class path's services file, so
 * that other tests' registries do not change: {@code TestRegistries} registers it.
 */
public final class SampleMappedModule extends BaseIntegrationModule {
    @Override
    public String moduleId() {
        return "sample-mapped";
    }

    @Override
    public String moduleName() {
        return "Sample Mapped";
    }

    @Override
    public String moduleVersion() {
        return "1.0.0";
    }

    @Override
    public String moduleDescription() {
        return "Test module with OCSF mappings";
    }

    @Override
    public List<URL> eventMappings() {
        return mappingResources("alerts.yaml", "activity.yaml", "unrecognised.yaml");
    }

    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        // Synthesis is not exercised by validation tests.
        return ModuleResources.none();
    }
}

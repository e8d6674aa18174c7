package dev.slk.core.testmodules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.ModuleResources;
import java.net.URL;
import java.util.Optional;
import software.constructs.Construct;

/** A second registered test module with only a schema, so that two modules can fail in different layers. */
public final class SampleSinkModule extends BaseIntegrationModule {
    @Override
    public String moduleId() {
        return "sample-sink";
    }

    @Override
    public String moduleName() {
        return "Sample Sink";
    }

    @Override
    public String moduleVersion() {
        return "0.1.0";
    }

    @Override
    public String moduleDescription() {
        return "Test module with a schema and no rules of its own";
    }

    @Override
    public Optional<URL> configSchema() {
        return Optional.ofNullable(getClass().getResource("sink/config.schema.json"));
    }

    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        // Synthesis is not exercised by validation tests.
        return ModuleResources.none();
    }
}

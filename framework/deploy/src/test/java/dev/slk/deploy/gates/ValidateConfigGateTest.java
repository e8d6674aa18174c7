package dev.slk.deploy.gates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.config.ConfigSource;
import dev.slk.core.findings.Finding;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.testing.TestRegistries;
import dev.slk.core.testmodules.SampleMappedModule;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.core.yaml.YamlLoader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate judges the configuration's findings with the waiver ledger, as slk validate-config does. */
class ValidateConfigGateTest {
    private static final ModuleRegistry REGISTRY = ModuleRegistry.discover(ValidateConfigGateTest.class.getClassLoader());

    @TempDir
    Path dir;

    private String example;
    private YamlDocument config;
    private Finding error;

    @BeforeEach
    void aConfigWithOneError() throws Exception {
        try (InputStream in = ConfigSource.class.getResourceAsStream(ConfigSource.BundledExample.RESOURCE)) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        config = new YamlLoader().parse(example.replace("memorySize: 512", "memorySize: 64"), "config.yaml");
        error = new ConfigValidator(REGISTRY).validate(config, null).errors().get(0);
    }

    /**
     * The bundled example's source takes the finding classes only; a module mapping records to
     * AUTHENTICATION and API_ACTIVITY too is a warning (integration.unrouted-class), which
     * --strict makes an error in prod.
     */
    @Test
    void aModuleWhoseRecordsNoCustomSourceTakesStopsAProdDeploymentAndNotADevOne() throws Exception {
        ModuleRegistry registry = TestRegistries.with(Files.createDirectory(dir.resolve("services")),
                SampleMappedModule.class);
        config = new YamlLoader().parse(example.replace("integrations: {}",
                "integrations:\n  sample-mapped:\n    enabled: true"), "config.yaml");
        Finding warning = new ConfigValidator(registry).validate(config, null).warnings().get(0);
        assertEquals("integration.unrouted-class", warning.ruleId());

        GateResult.Failed prod = assertInstanceOf(GateResult.Failed.class,
                new ValidateConfigGate().run(context(registry, true)));
        assertTrue(prod.summary().startsWith("1 error(s), 1 warning(s) (--strict in prod), 1 module(s) checked; first: "
                + warning.location() + ": module sample-mapped maps records to 2 OCSF classes that no custom source"),
                prod.summary());
        GateResult.Passed dev = assertInstanceOf(GateResult.Passed.class,
                new ValidateConfigGate().run(context(registry, false)));
        assertTrue(dev.summary().startsWith("0 error(s), 1 warning(s), 1 module(s) checked"), dev.summary());

        error = warning;
        waive(LocalDate.now(ZoneOffset.UTC).plusDays(30));
        GateResult.Passed waived = assertInstanceOf(GateResult.Passed.class,
                new ValidateConfigGate().run(context(registry, true)));
        assertTrue(waived.summary().startsWith("0 error(s), 1 warning(s), 1 waived (--strict in prod), "), waived.summary());
    }

    @Test
    void anErrorStopsTheGateWithoutALedger() throws Exception {
        GateResult.Failed failed = assertInstanceOf(GateResult.Failed.class, new ValidateConfigGate().run(context()));
        assertTrue(failed.summary().startsWith("1 error(s), 0 warning(s), "), failed.summary());
        assertTrue(failed.summary().contains("; first: " + error.location() + ": " + error.message()), failed.summary());
    }

    @Test
    void aWaivedErrorPassesTheGateAndTheFiguresCountIt() throws Exception {
        waive(LocalDate.now(ZoneOffset.UTC).plusDays(30));
        GateResult.Passed passed = assertInstanceOf(GateResult.Passed.class, new ValidateConfigGate().run(context()));
        assertTrue(passed.summary().startsWith("0 error(s), 0 warning(s), 1 waived, "), passed.summary());
    }

    @Test
    void anExpiredWaiverAcceptsNothing() throws Exception {
        waive(LocalDate.now(ZoneOffset.UTC).minusDays(1));
        GateResult.Failed failed = assertInstanceOf(GateResult.Failed.class, new ValidateConfigGate().run(context()));
        assertTrue(failed.summary().contains("its waiver expired on"), failed.summary());
    }

    @Test
    void aLedgerThatCannotBeReadFailsTheGate() throws Exception {
        Files.writeString(dir.resolve("slk-waivers.yaml"), "waivers:\n  - rule: 42\n");
        GateResult.Failed failed = assertInstanceOf(GateResult.Failed.class, new ValidateConfigGate().run(context()));
        assertTrue(failed.summary().startsWith("the waiver ledger cannot be read: "), failed.summary());
    }

    private void waive(LocalDate expires) throws Exception {
        Files.writeString(dir.resolve("slk-waivers.yaml"), "waivers:\n"
                + "  - rule: " + error.ruleId() + "\n"
                + "    fingerprint: \"" + error.fingerprint() + "\"\n"
                + "    owner: platform-team\n"
                + "    reason: the load test runs the transformer at its smallest size\n"
                + "    expires: " + expires + "\n");
    }

    private GateContext context() {
        return context(REGISTRY, false);
    }

    private GateContext context(ModuleRegistry registry, boolean production) {
        return new GateContext(config, null, production, registry, WorkspacePaths.of(dir, Map.of()),
                dir.resolve("cdk.out"));
    }
}

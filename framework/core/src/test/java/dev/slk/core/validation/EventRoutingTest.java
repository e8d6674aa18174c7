package dev.slk.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.report.ReportFormat;
import dev.slk.core.report.Reports;
import dev.slk.core.testing.Configs;
import dev.slk.core.testing.TestRegistries;
import dev.slk.core.testmodules.SampleBrokenMappingsModule;
import dev.slk.core.testmodules.SampleMappedModule;
import dev.slk.core.testmodules.SampleMissingMappingsModule;
import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.yaml.YamlLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCSF classes an enabled module's mappings produce against the custom sources that take them:
 * what the event transformer cannot write is one warning at the module, with the fix.
 */
class EventRoutingTest {
    private static final String LAKE = """
            securityLake:
              s3Bucket: aws-security-data-lake-us-east-1-abcdefghijklmnopqrstuvwxyz0123
              externalId: secretsmanager:demo/external-id
              serviceRole: SecurityLakeGlueCrawler
            """;
    private static final String MAPPED = """
            integrations:
              sample-mapped:
                enabled: true
            """;

    @TempDir
    static Path services;

    private static ModuleRegistry registry;

    @BeforeAll
    static void registerTheMappedModules() {
        registry = TestRegistries.with(services, SampleMappedModule.class, SampleBrokenMappingsModule.class,
                SampleMissingMappingsModule.class);
    }

    private static ValidationReport validate(String yaml) throws Exception {
        return new ConfigValidator(registry).validate(new YamlLoader().parse(yaml, "config.yaml"), null);
    }

    /** The minimal config, its lake taking the given sources, with sample-mapped enabled. */
    private static String withSources(String sources) {
        return Configs.minimalWith(LAKE + "  OCSFEventClass:\n" + sources + MAPPED);
    }

    private static List<Finding> unrouted(ValidationReport report) {
        return report.findings().stream().filter(f -> f.ruleId().equals(EventRouting.RULE)).toList();
    }

    private static Finding theWarning(ValidationReport report) {
        List<Finding> found = unrouted(report);
        assertEquals(1, found.size(), report.findings().toString());
        return found.get(0);
    }

    @Test
    void classesNoSourceTakesAreOneWarningAtTheModuleNamingTheMappingsTheDeadLetterQueueAndTheFix() throws Exception {
        String yaml = withSources("""
                    - sourceName: findings
                      eventClasses: [SECURITY_FINDING, DETECTION_FINDING]
                """);
        ValidationReport report = validate(yaml);
        Finding warning = theWarning(report);
        assertEquals(Severity.MEDIUM, warning.severity());
        assertEquals("/integrations/sample-mapped", warning.pointer());
        assertEquals(yaml.lines().toList().indexOf("  sample-mapped:") + 1, warning.location().line());
        assertTrue(warning.message().startsWith("module sample-mapped maps records to 2 OCSF classes that no custom "
                + "source in securityLake.OCSFEventClass takes: AUTHENTICATION (3002) from sample-sign-in; "
                + "API_ACTIVITY (6003) from sample-audit, sample-admin, sample-graph and 1 more. "), warning.message());
        assertFalse(warning.message().contains("DETECTION_FINDING"), "routed: " + warning.message());
        assertTrue(warning.message().contains("fails the whole SQS message that holds such a record, its other "
                + "records included"), warning.message());
        assertTrue(warning.message().contains("; SQS delivers it again, 3 receives in all "
                + "(sqsQueue.deadLetterQueue.maxReceiveCount), then moves it to the event queue's dead-letter queue. "
                + "None of the message's records reach Security Lake"),
                warning.message());
        assertEquals("add AUTHENTICATION, API_ACTIVITY to the eventClasses of custom source findings "
                + "(securityLake.OCSFEventClass[0]), or list them in a source of their own", warning.hint());
        assertTrue(report.valid(), "a warning: exit code 0 without --strict");
        assertFalse(report.strict().valid(), "an error under --strict: exit code 1");
    }

    @Test
    void aFallbackWhoseClassIsUnroutedIsCalledOutAndOneThatIsRoutedIsNot() throws Exception {
        Finding all = theWarning(validate(withSources("""
                    - sourceName: findings
                      eventClasses: [DETECTION_FINDING]
                """)));
        assertTrue(all.message().endsWith(". This includes the module's fallback sample-unrecognised (API_ACTIVITY),"
                + " which takes every record no other mapping recognises so that none fails: those records fail too"),
                all.message());
        Finding signIns = theWarning(validate(withSources("""
                    - sourceName: findings
                      eventClasses: [DETECTION_FINDING, API_ACTIVITY]
                """)));
        assertTrue(signIns.message().contains("an OCSF class that no custom source in securityLake.OCSFEventClass "
                + "takes: AUTHENTICATION (3002) from sample-sign-in. "), signIns.message());
        assertFalse(signIns.message().contains("fallback"), signIns.message());
    }

    @Test
    void sourcesThatTogetherTakeEveryClassTheModuleProducesLeaveNoWarning() throws Exception {
        ValidationReport report = validate(withSources("""
                    - sourceName: findings
                      eventClasses: [DETECTION_FINDING]
                    - sourceName: activity
                      eventClasses: [AUTHENTICATION, API_ACTIVITY]
                """));
        assertEquals(List.of(), report.findings());
        assertEquals(List.of("sample-mapped"), report.modulesChecked());
    }

    @Test
    void withoutADeadLetterQueueTheMessageIsDeliveredUntilItsRetentionEnds() throws Exception {
        String yaml = withSources("""
                    - sourceName: findings
                      eventClasses: [DETECTION_FINDING]
                """) + """
                sqsQueue:
                  messageRetentionPeriod: 86400
                  deadLetterQueue:
                    enabled: false
                """;
        Finding warning = theWarning(validate(yaml));
        assertTrue(warning.message().contains("; SQS delivers it again and again until "
                + "sqsQueue.messageRetentionPeriod (86400 s) deletes it. None of the message's records reach Security "
                + "Lake"),
                warning.message());
    }

    @Test
    void withNoCustomSourceTheTransformerDoesNotStartAndTheHintIsASourceForEveryClass() throws Exception {
        Finding warning = theWarning(validate(Configs.minimalWith(LAKE + MAPPED)));
        assertTrue(warning.message().startsWith("module sample-mapped maps records to 3 OCSF classes that no custom "
                + "source in securityLake.OCSFEventClass takes: DETECTION_FINDING (2004) from sample-alert; "),
                warning.message());
        assertTrue(warning.message().contains("securityLake.OCSFEventClass lists no custom source, and the event "
                + "transformer does not start without one (SECURITY_LAKE_SOURCES must be a non-empty JSON array): "
                + "every message on the event queue fails; SQS delivers it again"), warning.message());
        assertEquals("add a custom source that takes them: securityLake.OCSFEventClass: [{sourceName: "
                + "slkSecurityEvents, sourceVersion: '1.0', eventClasses: [DETECTION_FINDING, AUTHENTICATION, "
                + "API_ACTIVITY]}]", warning.hint());
    }

    @Test
    void withoutAnEventTransformerTheRecordsWaitInTheQueueUntilTheyExpire() throws Exception {
        Finding lakeOff = theWarning(validate(Configs.minimalWith("securityLake:\n  enabled: false\n" + MAPPED)));
        assertTrue(lakeOff.message().startsWith("module sample-mapped maps records to 3 OCSF classes, DETECTION_FINDING"
                + " (2004) from sample-alert; "), lakeOff.message());
        assertTrue(lakeOff.message().endsWith(", but no event transformer is deployed (securityLake.enabled is false):"
                + " nothing writes its records to Security Lake; they wait in the event queue until "
                + "sqsQueue.messageRetentionPeriod (345600 s) deletes them"), lakeOff.message());
        assertEquals("set securityLake.enabled: true and list DETECTION_FINDING, AUTHENTICATION, API_ACTIVITY in a "
                + "custom source's eventClasses (securityLake.OCSFEventClass), or disable the integration",
                lakeOff.hint());
        Finding transformerOff = theWarning(validate(withSources("""
                    - sourceName: findings
                      eventClasses: [DETECTION_FINDING, AUTHENTICATION, API_ACTIVITY]
                """) + "coreProcessing:\n  eventTransformer:\n    enabled: false\n"));
        assertTrue(transformerOff.message().contains("no event transformer is deployed "
                + "(coreProcessing.eventTransformer.enabled is false)"), transformerOff.message());
    }

    @Test
    void aDisabledModuleAModuleWithoutMappingsAndAConfigWithoutTheEventQueueGetNoRoutingWarning() throws Exception {
        assertEquals(List.of(), unrouted(validate(Configs.minimalWith(LAKE
                + "integrations:\n  sample-mapped:\n    enabled: false\n"))));
        ValidationReport sink = validate(Configs.minimalWith(LAKE
                + "integrations:\n  sample-sink:\n    enabled: true\n    config:\n      endpoint: https://sink.example.com/\n"));
        assertEquals(List.of(), sink.findings());
        ValidationReport noQueue = validate(Configs.minimalWith(LAKE + MAPPED + "sqsQueue:\n  enabled: false\n"));
        assertEquals(List.of(), unrouted(noQueue));
        assertTrue(noQueue.errors().stream().anyMatch(f -> f.ruleId().equals("sqs.required")), noQueue.errors().toString());
    }

    @Test
    void mappingsThatDoNotLoadAreAnErrorNamingTheFileLineAndColumn() throws Exception {
        ValidationReport report = validate(Configs.minimalWith(LAKE
                + "integrations:\n  sample-broken-mappings:\n    enabled: true\n"));
        List<Finding> errors = report.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(EventRouting.INVALID_MAPPINGS, errors.get(0).ruleId());
        assertEquals("/integrations/sample-broken-mappings", errors.get(0).pointer());
        assertTrue(errors.get(0).message().contains("do not load, so slk synth refuses the module (1 problem, first: "
                + "sample-broken-mappings/broken.yaml:4:12: 'NOT_A_CLASS' is not an OCSF class"), errors.get(0).message());
        assertEquals(List.of(), unrouted(report));
    }

    @Test
    void aMappingFileMissingFromTheModulesJarIsTheModulesHookFailure() throws Exception {
        List<Finding> errors = validate(Configs.minimalWith(LAKE
                + "integrations:\n  sample-missing-mappings:\n    enabled: true\n")).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("module.hook-failed", errors.get(0).ruleId());
        assertTrue(errors.get(0).message().contains(" failed in eventMappings: IllegalStateException: "
                + SampleMissingMappingsModule.class.getName() + ": mapping file mappings/missing.yaml is not in the"
                + " module's jar"), errors.get(0).message());
    }

    @Test
    void theWarningGoesThroughTheOneReportLayerAndAWaiverAcceptsItUnderStrict() throws Exception {
        ValidationReport report = validate(Configs.minimalWith(LAKE + MAPPED));
        Finding warning = theWarning(report);
        for (ReportFormat format : ReportFormat.values()) {
            String text = Reports.render(report.toReport(false, "0.1.0"), format, false).text();
            assertTrue(text.contains(EventRouting.RULE), format + ": " + text);
        }
        String text = Reports.render(report.toReport(false, "0.1.0"), ReportFormat.text, false).text();
        assertTrue(text.contains("config.yaml:" + warning.location().line() + ":" + warning.location().column()
                + ": warning: module sample-mapped maps records to"), text);
        WaiverLedger ledger = WaiverLedger.parse("waivers:\n"
                + "  - rule: " + EventRouting.RULE + "\n"
                + "    fingerprint: \"" + warning.fingerprint() + "\"\n"
                + "    owner: platform-team\n"
                + "    reason: the sample source is not deployed to a lake yet\n"
                + "    expires: " + LocalDate.now(ZoneOffset.UTC).plusDays(30) + "\n",
                "slk-waivers.yaml", 180, (file, body) -> List.of(), Clock.systemUTC());
        ValidationReport strict = report.strict();
        assertFalse(strict.valid());
        ValidationReport judged = strict.judge(ledger, WaiverLedger.Scope.unclaimed("config.yaml", true)).report();
        assertTrue(judged.valid(), judged.errors().toString());
        assertEquals(1, judged.findings().stream().filter(Finding::accepted).count());
    }
}

package dev.slk.checklist;

import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Severity;

/**
 * The items of the packaging guide's module checklist that slk measures, in the guide's order,
 * then the packaging extras. Each item is a rule of the one finding model: its failures are
 * findings with the item's rule id, so waivers and every report format apply to them.
 *
 * <p>Items 3 (IAM), security-scan and synth read the module's synthesized infrastructure; their
 * findings are the iam-analyzer's, the scan's and cdk-nag's own, so those commands' waivers count.
 */
public enum Item {
    MODULE_INTERFACE("1", "checklist.module-interface", "Implements the module interface",
            "the module is discovered through ServiceLoader in the workspace, its constructor runs and its id, "
                    + "version, name and description obey the SPI rules",
            "register the class in src/main/resources/META-INF/services/dev.slk.spi.IntegrationModule, build the module"
                    + " and follow docs/MODULE_INTERFACE_SPEC.md"),
    CONFIG_VALIDATION("2", "checklist.config-validation", "Config validation with clear error messages",
            "invalid variants of the example config (each required key removed, each typed key of the wrong type, each "
                    + "bounded number out of range, an unknown key) are each rejected with a message naming the key, "
                    + "with a line",
            "tighten config.schema.json (required, type, minimum/maximum, additionalProperties: false) or "
                    + "validateConfig, and name the key in each message"),
    IAM("3", "checklist.iam", "IAM least privilege",
            "the iam-analyzer on the module's resources of its synthesized assembly finds nothing at medium or above,"
                    + " and the module's access does not exceed its baseline (iam-access.json) when it keeps one",
            "narrow the statements slk iam-analyzer --module ID names (docs/IAM_ANALYZER.md), or waive a finding with"
                    + " a reason in slk-waivers.yaml"),
    ERROR_HANDLING("4", "checklist.error-handling", "Lambda code includes error handling",
            "no empty catch block; no catch of Exception or Throwable that neither rethrows nor records the failure; "
                    + "the handler throws or reports batch item failures",
            "rethrow, or log the error (and count it) or report a batch item failure; let a failed run fail"),
    POWERTOOLS("5", "checklist.powertools", "AWS Powertools used for logging and tracing",
            "each Java function depends on Powertools logging and its handler uses it",
            "depend on software.amazon.lambda:powertools-logging-log4j and wrap the handler in "
                    + "PowertoolsLogging.withLogging"),
    COVERAGE("6", "checklist.coverage", "Unit tests with more than 80 % coverage",
            "JaCoCo line coverage of the module and of each function is at least 80 %; a report older than its "
                    + "sources is a warning",
            "add tests for the uncovered lines (target/site/jacoco/index.html shows them)"),
    LOCAL_RUNNER("7", "checklist.local-runner", "Local testing script provided",
            "each Java function has a local runner (Local... with a main method), its test <Runner>Test calls the "
                    + "runner's main (or the method main delegates to) from a test method, and it ran to completion "
                    + "without AWS within 60 s",
            "add a LocalRunner with a main method and a LocalRunnerTest whose tests call LocalRunner.main or "
                    + "LocalRunner.run against local servers"),
    README("8", "checklist.readme", "README documents configuration",
            "every key of config.schema.json appears in README.md, the README documents no key the schema lacks, "
                    + "and the seed's sections are present",
            "document each key in the README's Configuration table; remove keys the schema does not have; add the "
                    + "missing sections"),
    NO_EMOTES("9", "checklist.no-emotes", "No emotes in code or documentation",
            "no emoji (pictographic characters) and no text emoticons in the module's sources, strings and docs",
            "write the words instead"),
    COPYRIGHT("10", "checklist.copyright", "Copyright headers in all files",
            "every source, build, config and doc file starts with a copyright line naming the workspace's holder",
            "run slk checklist --module ID --fix to add the missing headers"),
    REGISTERED("11", "checklist.registered", "Module registered",
            "listed in the modules build, discovered by slk list-modules, and a config enabling it with its example "
                    + "block validates",
            "list the module in the modules pom.xml, build it, and fix what validate-config reports"),
    PACKAGING("extra", "checklist.packaging", "Packaging files and version",
            "README.md, config.schema.json and CHANGELOG.md exist; the version is semver and the same in the module"
                    + " class, the CHANGELOG's latest entry and pom.xml",
            "add the missing file, or make the versions agree (a CHANGELOG entry '## <version>' for the current one)"),
    SECURITY_SCAN("extra", "checklist.security-scan", "security-scan clean",
            "slk security-scan --module ID (the module's files, dependencies and resources) has no finding at medium "
                    + "or above",
            "fix what slk security-scan --module ID reports (docs/SECURITY_SCAN.md)"),
    SYNTH("extra", "checklist.synth", "synth succeeds and is cdk-nag clean",
            "slk synth with the module enabled writes its assembly, and cdk-nag reports nothing on the module's "
                    + "resources",
            "run slk synth with the module enabled and fix, or suppress with a reason, what cdk-nag reports");

    private final String number;
    private final String ruleId;
    private final String title;
    private final String measure;
    private final String fix;

    Item(String number, String ruleId, String title, String measure, String fix) {
        this.number = number;
        this.ruleId = ruleId;
        this.title = title;
        this.measure = measure;
        this.fix = fix;
    }

    /** @return the item's number in the packaging guide's checklist, or {@code extra} */
    public String number() {
        return number;
    }

    /** @return the rule id of the item's findings, e.g. {@code checklist.readme} */
    public String ruleId() {
        return ruleId;
    }

    /** @return the guide's wording of the item */
    public String title() {
        return title;
    }

    /** @return the item as a rule of the one finding model: failures are high */
    public Rule rule() {
        return new Rule(ruleId, Severity.HIGH, title + ": " + measure, fix);
    }

    /** @return how to fix a failure, one sentence */
    public String fix() {
        return fix;
    }
}

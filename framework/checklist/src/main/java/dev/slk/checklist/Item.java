package dev.slk.checklist;

import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Severity;

/**
 * The items of the packaging guide's module checklist that slk measures, in the guide's order,
 * then the packaging extras. Each item is a rule of the one finding model: its failures are
 * findings with the item's rule id, so waivers and every report format apply to them.
 *
 * <p>Item 3 of the guide (IAM least privilege) is not here yet: it needs the iam-analyzer.
 */
public enum Item {
    MODULE_INTERFACE("1", "checklist.module-interface", "Implements the module interface",
            "the module is discovered through ServiceLoader in the workspace, its constructor runs and its id, "
                    + "version, name and description obey the SPI rules",
            "register the class in src/main/resources/META-INF/services/dev.slk.spi.IntegrationModule, build the module"
                    + " and follow docs/MODULE_INTERFACE_SPEC.md"),
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
            "add the missing file, or make the versions agree (a CHANGELOG entry '## <version>' for the current one)");

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

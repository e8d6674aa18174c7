package dev.slk.scan.infra;

import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Finding;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Infrastructure rules of {@code slk security-scan}: checks the CloudFormation templates CDK
 * synthesizes ({@code cdk.out/<Stack>.template.json}) for literal secrets, missing encryption,
 * queues without TLS enforcement, KMS keys without rotation, Lambda functions without concurrency
 * limits or failure handling, and short log retention in production.
 *
 * <p>Each finding points at the logical-id key of the resource (or output) in the file, and its
 * fingerprint is built from the rule, the path, the logical id and, where there are several per
 * resource, the property or variable name: never a line number, never a value.
 *
 * <p>Module attribution: the framework creates each module's resources under a scope
 * {@code modules/<moduleId>}, so a resource whose {@code aws:cdk:path} metadata reads
 * {@code <Stack>/modules/<moduleId>/...} belongs to that module (a scope {@code Module-<moduleId>}
 * is accepted too). Other resources, and outputs, are the core's: their findings have no module.
 */
public final class TemplateRules {
    private static final String TEMPLATE_SUFFIX = ".template.json";

    /** Stages nest a few levels at most; the bound also stops a symbolic-link loop. */
    private static final int MAX_ASSEMBLY_DEPTH = 8;

    private TemplateRules() {
    }

    /**
     * Checks one template.
     *
     * @param template the template file
     * @param relativePath the path to report, relative to the scanned root, with '/' separators
     * @param production whether the stack is deployed to production (enables the retention rule)
     * @return the findings, ordered by position; a template that cannot be read or parsed gives one
     *     {@code infra-unchecked-file} finding instead
     */
    public static List<Finding> check(Path template, String relativePath, boolean production) {
        CfnTemplate parsed;
        try {
            parsed = TemplateReader.read(InputFiles.readUtf8(template));
        } catch (InputFiles.UncheckableException e) {
            return List.of(InfraFindings.unchecked(relativePath, 1, 1, e.getMessage()));
        } catch (TemplateReader.MalformedTemplateException e) {
            return List.of(InfraFindings.unchecked(relativePath, e.line(), e.column(), e.getMessage()));
        }
        TemplateContext ctx = new TemplateContext(parsed, relativePath, production);
        SecretChecks.check(ctx);
        DataProtectionChecks.check(ctx);
        LambdaChecks.check(ctx);
        List<Finding> findings = new ArrayList<>(ctx.findings());
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    /**
     * Checks every {@code *.template.json} of a cloud assembly: those directly in {@code cdkOut} and
     * those in its nested {@code assembly-*} directories (CDK stages).
     *
     * @param cdkOut the cdk.out directory
     * @param relativePrefix the path of {@code cdkOut} relative to the scanned root, e.g. "cdk.out"
     * @param production whether the stacks are deployed to production
     * @return the findings of all templates, ordered by path and position; none when the
     *     directory does not exist
     */
    public static List<Finding> checkAssembly(Path cdkOut, String relativePrefix, boolean production) {
        return checkAssembly(cdkOut, relativePrefix, template -> production);
    }

    /**
     * Checks every template of a cloud assembly, deciding per stack whether it is production: slk
     * names its stacks {@code <projectName>-<environment>}, so {@code *-prod.template.json} is.
     *
     * @param cdkOut the cdk.out directory
     * @param relativePrefix the path of {@code cdkOut} relative to the scanned root, e.g. "cdk.out"
     * @return the findings of all templates, ordered by path and position; none when the
     *     directory does not exist
     */
    public static List<Finding> checkAssembly(Path cdkOut, String relativePrefix) {
        return checkAssembly(cdkOut, relativePrefix,
                template -> template.getFileName().toString().endsWith("-prod" + TEMPLATE_SUFFIX));
    }

    private static List<Finding> checkAssembly(Path cdkOut, String relativePrefix, Predicate<Path> production) {
        List<Finding> findings = new ArrayList<>();
        for (Path template : templatesIn(cdkOut, 0)) {
            String relative = InputFiles.join(relativePrefix, cdkOut.relativize(template));
            findings.addAll(check(template, relative, production.test(template)));
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    /**
     * @return every infrastructure rule, those of {@link DependencyPinning} included, for
     *     {@code --list-rules} and SARIF rule metadata
     */
    public static List<Rule> rules() {
        return InfraRules.ALL;
    }

    private static List<Path> templatesIn(Path cdkOut, int depth) {
        List<Path> templates = new ArrayList<>();
        if (!Files.isDirectory(cdkOut) || depth > MAX_ASSEMBLY_DEPTH) {
            return templates;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cdkOut)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry) && name.endsWith(TEMPLATE_SUFFIX)) {
                    templates.add(entry);
                } else if (Files.isDirectory(entry) && name.startsWith("assembly-")) {
                    // A stage's nested assembly holds its stacks' templates, one level down.
                    templates.addAll(templatesIn(entry, depth + 1));
                }
            }
        } catch (IOException e) {
            // An unlistable directory has no templates we can check; the rest of the assembly still is.
            return templates;
        }
        templates.sort(null);
        return templates;
    }
}

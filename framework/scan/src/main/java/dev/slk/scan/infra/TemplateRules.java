package dev.slk.scan.infra;

import dev.slk.assembly.AssemblyProblem;
import dev.slk.assembly.CloudAssembly;
import dev.slk.assembly.StackTemplate;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Infrastructure rules of {@code slk security-scan}: checks the CloudFormation templates of a cloud
 * assembly, read through the one assembly model ({@link CloudAssembly}), for literal secrets, missing
 * encryption, queues without TLS enforcement, KMS keys without rotation, Lambda functions without
 * concurrency limits or failure handling, and short log retention in production.
 *
 * <p>Each finding points at the logical-id key of the resource (or output) in the file, and its
 * fingerprint is built from the rule, the path, the logical id and, where there are several per
 * resource, the property or variable name: never a line number, never a value.
 *
 * <p>Module attribution is the model's {@link dev.slk.assembly.Owner}: a resource whose construct path
 * reads {@code <Stack>/modules/<moduleId>/...} belongs to that module. slk synth records every
 * resource's construct path, so this holds for every assembly it writes. Other resources, and outputs,
 * are the core's (or the CDK's): their findings have no module.
 */
public final class TemplateRules {
    private static final String PRODUCTION_SUFFIX = "-prod";

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
        try {
            return check(StackTemplate.read(template, relativePath, relativePath), relativePath, production);
        } catch (StackTemplate.UnreadableTemplateException e) {
            return List.of(InfraFindings.unchecked(relativePath, e.line(), e.column(), e.getMessage()));
        }
    }

    /**
     * Checks every template of a cloud assembly (stage assemblies and nested stacks included), as if
     * every stack were, or were not, deployed to production.
     *
     * @param cdkOut the cdk.out directory
     * @param relativePrefix the path of {@code cdkOut} relative to the scanned root, e.g. "cdk.out"
     * @param production whether the stacks are deployed to production
     * @return the findings of all templates, ordered by path and position; none when the
     *     directory does not exist
     */
    public static List<Finding> checkAssembly(Path cdkOut, String relativePrefix, boolean production) {
        return checkAssembly(CloudAssembly.read(cdkOut), relativePrefix, stack -> production);
    }

    /**
     * Checks every template of a cloud assembly, deciding per stack whether it is production: slk
     * names its stacks {@code <projectName>-<environment>}, so a stack (or one nested in a stack)
     * named {@code *-prod} is.
     *
     * @param assembly the assembly
     * @param relativePrefix the path of the assembly directory relative to the scanned root, e.g. "cdk.out"
     * @return the findings of all templates, and one {@code infra-unchecked-file} finding per file that
     *     could not be read, ordered by path and position
     */
    public static List<Finding> checkAssembly(CloudAssembly assembly, String relativePrefix) {
        return checkAssembly(assembly, relativePrefix, stack -> stack.rootStackName().endsWith(PRODUCTION_SUFFIX));
    }

    private static List<Finding> checkAssembly(CloudAssembly assembly, String relativePrefix,
            Predicate<StackTemplate> production) {
        List<Finding> findings = new ArrayList<>();
        for (StackTemplate stack : assembly.stacks()) {
            findings.addAll(check(stack, InputFiles.join(relativePrefix, Path.of(stack.file())),
                    production.test(stack)));
        }
        for (AssemblyProblem problem : assembly.problems()) {
            findings.add(InfraFindings.unchecked(InputFiles.join(relativePrefix, Path.of(problem.file())),
                    problem.line(), problem.column(), problem.message()));
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    private static List<Finding> check(StackTemplate template, String relativePath, boolean production) {
        TemplateContext ctx = new TemplateContext(template, relativePath, production);
        SecretChecks.check(ctx);
        DataProtectionChecks.check(ctx);
        LambdaChecks.check(ctx);
        List<Finding> findings = new ArrayList<>(ctx.findings());
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
}

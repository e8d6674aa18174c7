package dev.slk.checklist.code;

import com.github.javaparser.ast.ImportDeclaration;
import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.core.findings.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Item 5: each Java function's build file depends on Powertools logging
 * ({@code software.amazon.lambda:powertools-logging*}) and its handler's file imports it
 * ({@code software.amazon.lambda.powertools.logging}), or the function uses the Lambda kit's
 * logging, which is Powertools logging with the module id on every line: the build depends on
 * {@code dev.slk:slk-lambda-kit} (which brings powertools-logging-log4j) and the handler imports
 * {@code dev.slk.lambda.kit.ModuleLogging}. Tracing is reported where it is used; it is
 * not required of Java functions, because powertools-tracing 2.x is not published and 1.x needs
 * AspectJ weaving.
 */
public final class PowertoolsCheck implements Check {
    private static final Pattern LOGGING_DEPENDENCY = Pattern.compile(
            "(?s)<groupId>\\s*software\\.amazon\\.lambda\\s*</groupId>\\s*<artifactId>\\s*powertools-logging[\\w-]*\\s*</artifactId>");
    private static final Pattern KIT_DEPENDENCY = Pattern.compile(
            "(?s)<groupId>\\s*dev\\.slk\\s*</groupId>\\s*<artifactId>\\s*slk-lambda-kit\\s*</artifactId>");
    private static final String KIT_LOGGING = "dev.slk.lambda.kit.ModuleLogging";
    private static final Pattern TRACING_DEPENDENCY = Pattern.compile("<artifactId>\\s*powertools-tracing[\\w-]*\\s*</artifactId>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");

    private final ParsedFunctions parsed;

    /** A check that parses the functions itself. */
    public PowertoolsCheck() {
        this(new ParsedFunctions());
    }

    /** @param parsed the functions the run has parsed, shared with the other code checks */
    public PowertoolsCheck(ParsedFunctions parsed) {
        this.parsed = parsed;
    }

    @Override
    public Item item() {
        return Item.POWERTOOLS;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        List<Path> java = module.functions().stream().filter(JavaFunctions::isJava).toList();
        if (java.isEmpty()) {
            return new Measurement.NotApplicable(module.functions().isEmpty()
                    ? "the module has no Lambda function (src/lambda/*)"
                    : "the module's functions are not Java");
        }
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Path function : java) {
            String name = module.relative(function);
            Path pom = function.resolve("pom.xml");
            String build = Files.isRegularFile(pom)
                    ? COMMENT.matcher(Files.readString(pom, StandardCharsets.UTF_8)).replaceAll("") : "";
            boolean depends = LOGGING_DEPENDENCY.matcher(build).find() || KIT_DEPENDENCY.matcher(build).find();
            if (!depends) {
                findings.add(module.failure(item(), pom, 0, 0, name + "/pom.xml does not depend on Powertools logging"
                        + " (software.amazon.lambda:powertools-logging-log4j, or dev.slk:slk-lambda-kit, which brings it)"));
            }
            Optional<JavaFunctions.Handler> handler = parsed.of(function).handler();
            boolean logs = false;
            boolean traces = false;
            if (handler.isPresent()) {
                List<String> imports = handler.get().type().findCompilationUnit().map(cu -> cu.getImports().stream()
                        .map(ImportDeclaration::getNameAsString).toList()).orElse(List.of());
                logs = imports.stream().anyMatch(i -> i.startsWith("software.amazon.lambda.powertools.logging")
                        || i.equals(KIT_LOGGING));
                traces = imports.stream().anyMatch(i -> i.startsWith("software.amazon.lambda.powertools.tracing"));
                if (!logs) {
                    findings.add(module.failure(item(), handler.get().file(), JavaFunctions.line(handler.get().type()), 1,
                            "handler " + handler.get().type().getNameAsString() + " does not use Powertools logging "
                                    + "(ModuleLogging.handle from the Lambda kit, PowertoolsLogging.withLogging or @Logging)"));
                }
            } else {
                findings.add(module.failure(item(), function.resolve("src/main/java"), 0, 0, name
                        + " has no handler class to check for Powertools logging"));
            }
            evidence.add(name + ": Powertools logging " + (depends ? "in the build" : "not in the build")
                    + (logs ? " and used by the handler" : "") + "; tracing " + (traces && TRACING_DEPENDENCY.matcher(build).find()
                            ? "used" : "not used (powertools-tracing 2.x is not published; not required)"));
        }
        return new Measurement.Measured(evidence, findings);
    }
}

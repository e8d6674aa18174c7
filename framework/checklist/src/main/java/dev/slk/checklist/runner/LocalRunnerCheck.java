package dev.slk.checklist.runner;

import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.checklist.code.RunnerInvocation;
import dev.slk.core.findings.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Item 7: each Java function has a local runner (a class whose name starts with {@code Local} and
 * that has a {@code main} method), its own test ({@code <Runner>Test}, next to it under
 * src/test/java) runs it, and that test passed in the latest build within {@link #LIMIT}.
 * "Runs it" is read from the test's source with JavaParser ({@link RunnerInvocation}): the test
 * calls the runner's {@code main}, or the method {@code main} delegates to, from a test method or a
 * helper one calls; a test that only checks the runner's parts does not count. Its Surefire report
 * says how many tests ran, failed and how long they took. Unless {@code --no-run}, the coverage
 * item's build has just run it; a result older than the function's sources is a warning.
 */
public final class LocalRunnerCheck implements Check {
    /** The longest a local run may take. */
    public static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern MAIN = Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\(");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b([^>]*)>");

    @Override
    public Item item() {
        return Item.LOCAL_RUNNER;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        List<Path> java = module.functions().stream().filter(f -> Files.isDirectory(f.resolve("src/main/java"))).toList();
        if (java.isEmpty()) {
            return new Measurement.NotApplicable(module.functions().isEmpty()
                    ? "the module has no Lambda function (src/lambda/*)"
                    : "the module's functions are not Java");
        }
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Path function : java) {
            String name = module.relative(function);
            Optional<Path> runner = runner(function);
            if (runner.isEmpty()) {
                findings.add(module.failure(item(), function.resolve("src/main/java"), 0, 0, name
                        + " has no local runner (a class named Local... with a main method)"));
                continue;
            }
            String source = Files.readString(runner.get(), StandardCharsets.UTF_8);
            Matcher pkg = PACKAGE.matcher(source);
            String simple = runner.get().getFileName().toString().replace(".java", "");
            String packageName = pkg.find() ? pkg.group(1) : "";
            String test = (packageName.isEmpty() ? "" : packageName + ".") + simple + "Test";
            Path testSource = function.resolve("src/test/java").resolve(packageName.replace('.', '/'))
                    .resolve(simple + "Test.java");
            if (!Files.isRegularFile(testSource)) {
                findings.add(module.failure(item(), runner.get(), 0, 0, name + ": no " + module.relative(testSource)
                        + " (the test that runs " + simple + " without AWS): add it"));
                continue;
            }
            RunnerInvocation.Result invocation = RunnerInvocation.of(runner.get(), testSource);
            if (invocation instanceof RunnerInvocation.Unparsable bad) {
                findings.add(module.failure(item(), bad.file(), bad.line(), bad.column(), module.relative(bad.file())
                        + " does not parse: " + bad.message()));
                continue;
            }
            if (invocation instanceof RunnerInvocation.DoesNotRun not) {
                findings.add(module.failure(item(), testSource, not.line(), 0, name + ": " + not.reason()));
                continue;
            }
            RunnerInvocation.Runs runs = (RunnerInvocation.Runs) invocation;
            Path report = function.resolve("target/surefire-reports/TEST-" + test + ".xml");
            if (!Files.isRegularFile(report)) {
                findings.add(module.failure(item(), runner.get(), 0, 0, name + ": no test result for " + test
                        + " (the test that runs " + simple + " without AWS): add it, or build the function"));
                continue;
            }
            Matcher suite = SUITE.matcher(Files.readString(report, StandardCharsets.UTF_8));
            if (!suite.find()) {
                findings.add(module.failure(item(), report, 0, 0, module.relative(report) + " is not a Surefire report"));
                continue;
            }
            String attributes = suite.group(1);
            int tests = (int) number(attributes, "tests");
            int failed = (int) (number(attributes, "failures") + number(attributes, "errors"));
            double seconds = number(attributes, "time");
            evidence.add(String.format(Locale.ROOT, "%s: %s calls %s (%s:%d) from %d test method%s; ran %d tests,"
                    + " %d failed, %.1f s (limit %d s)", name, simple + "Test", runs.call(),
                    testSource.getFileName(), runs.line(), runs.tests(), runs.tests() == 1 ? "" : "s", tests, failed,
                    seconds, LIMIT.toSeconds()));
            if (tests == 0 || failed > 0) {
                findings.add(module.failure(item(), report, 0, 0, test + " ran " + tests + " tests, " + failed
                        + " failed: the local runner does not run to completion"));
            } else if (seconds > LIMIT.toSeconds()) {
                findings.add(module.failure(item(), report, 0, 0, String.format(Locale.ROOT,
                        "%s took %.1f s, more than the %d s limit", test, seconds, LIMIT.toSeconds())));
            }
            // A result older than the function's code says nothing about the runner as it is now.
            if (ModuleUnderCheck.newestSource(function).compareTo(Files.getLastModifiedTime(report)) > 0) {
                findings.add(module.warning(item(), report, 0, 0, "the result of " + test + " is older than the"
                        + " sources of " + name + ": run the checklist without --no-run"));
            }
        }
        return new Measurement.Measured(evidence, findings);
    }

    private static Optional<Path> runner(Path function) throws IOException {
        try (Stream<Path> walk = Files.walk(function.resolve("src/main/java"))) {
            for (Path p : (Iterable<Path>) walk.filter(f -> f.getFileName().toString().startsWith("Local")
                    && f.toString().endsWith(".java")).sorted()::iterator) {
                if (MAIN.matcher(Files.readString(p, StandardCharsets.UTF_8)).find()) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static double number(String attributes, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([0-9.,]+)\"").matcher(attributes);
        return m.find() ? Double.parseDouble(m.group(1).replace(",", "")) : 0;
    }
}

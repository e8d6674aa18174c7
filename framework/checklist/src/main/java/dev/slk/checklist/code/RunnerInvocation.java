package dev.slk.checklist.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a local runner's test runs the runner (checklist item 7), read from the two sources with
 * JavaParser: the test must call the runner's entry, {@code main} or a method of the runner that
 * {@code main} calls, from a test method or from a helper a test method calls. A test named after
 * the runner that only checks its parts says nothing about whether the runner runs.
 */
public final class RunnerInvocation {
    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest",
            "TestFactory", "TestTemplate");

    private RunnerInvocation() {
    }

    /** What the test source shows. */
    public sealed interface Result {
    }

    /**
     * The test runs the runner.
     *
     * @param call the call, e.g. {@code LocalRunner.run} (a statically imported one with the runner's name)
     * @param line the call's line in the test
     * @param tests how many test methods reach it
     */
    public record Runs(String call, int line, int tests) implements Result {
    }

    /**
     * The test does not run the runner.
     *
     * @param reason one line saying why
     * @param line the line to point at, or 0
     */
    public record DoesNotRun(String reason, int line) implements Result {
    }

    /**
     * One of the two files does not parse.
     *
     * @param file the file
     * @param line where, or 0
     * @param column where, or 0
     * @param message the parser's first problem
     */
    public record Unparsable(Path file, int line, int column, String message) implements Result {
    }

    /**
     * @param runner the runner's source, a class with a {@code main} method
     * @param test the source of its test
     * @return whether the test calls the runner's entry from a test method
     * @throws IOException when a file cannot be read
     */
    public static Result of(Path runner, Path test) throws IOException {
        JavaParser parser = JavaFunctions.parser();
        List<JavaFunctions.Unparsable> problems = new ArrayList<>();
        CompilationUnit runnerUnit = JavaFunctions.parse(parser, runner, problems);
        CompilationUnit testUnit = runnerUnit == null ? null : JavaFunctions.parse(parser, test, problems);
        if (!problems.isEmpty()) {
            JavaFunctions.Unparsable p = problems.get(0);
            return new Unparsable(p.file(), p.line(), p.column(), p.message());
        }
        String simple = fileName(runner);
        String qualified = runnerUnit.getPackageDeclaration().map(d -> d.getNameAsString() + ".").orElse("") + simple;
        Set<String> entries = entries(runnerUnit, simple);
        String wanted = simple + "." + String.join(" or " + simple + ".", entries);
        Set<String> imported = staticImports(testUnit, qualified, entries);
        List<MethodDeclaration> methods = testUnit.findAll(MethodDeclaration.class);
        Set<String> declared = new HashSet<>();
        methods.forEach(m -> declared.add(m.getNameAsString()));
        imported.removeAll(declared);

        Map<String, List<MethodCallExpr>> direct = new HashMap<>();
        Map<String, Set<String>> calls = new HashMap<>();
        for (MethodDeclaration m : methods) {
            for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
                String name = call.getNameAsString();
                Optional<Expression> scope = call.getScope();
                if (entries.contains(name) && (scope.map(s -> s.toString().equals(simple) || s.toString().equals(qualified))
                        .orElse(imported.contains(name)))) {
                    direct.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(call);
                } else if (declared.contains(name) && scope.map(s -> s instanceof ThisExpr).orElse(true)) {
                    calls.computeIfAbsent(m.getNameAsString(), k -> new HashSet<>()).add(name);
                }
            }
        }
        if (direct.isEmpty()) {
            int line = testUnit.findFirst(ClassOrInterfaceDeclaration.class).map(JavaFunctions::line).orElse(0);
            return new DoesNotRun(fileName(test) + " never calls " + wanted + ", so it does not run the runner", line);
        }
        Set<MethodCallExpr> reached = new LinkedHashSet<>();
        int tests = 0;
        for (MethodDeclaration m : methods) {
            if (isTest(m)) {
                List<MethodCallExpr> found = reachable(m.getNameAsString(), calls).stream()
                        .flatMap(n -> direct.getOrDefault(n, List.of()).stream()).toList();
                if (!found.isEmpty()) {
                    tests++;
                    reached.addAll(found);
                }
            }
        }
        MethodCallExpr first = (tests == 0 ? direct.values().stream().flatMap(List::stream) : reached.stream())
                .min(Comparator.comparingInt(JavaFunctions::line)).orElseThrow();
        String written = first.getScope().map(Object::toString).orElse(simple) + "." + first.getNameAsString();
        if (tests == 0) {
            return new DoesNotRun(fileName(test) + " calls " + written + " at line " + JavaFunctions.line(first)
                    + ", but no test method reaches that call", JavaFunctions.line(first));
        }
        return new Runs(written, JavaFunctions.line(first), tests);
    }

    /** {@code main}, and the runner's own methods that {@code main} calls: what running the runner means. */
    private static Set<String> entries(CompilationUnit unit, String simple) {
        Set<String> entries = new LinkedHashSet<>();
        entries.add("main");
        Optional<ClassOrInterfaceDeclaration> type = unit.findFirst(ClassOrInterfaceDeclaration.class,
                t -> t.getNameAsString().equals(simple));
        if (type.isEmpty()) {
            return entries;
        }
        Set<String> own = new HashSet<>();
        type.get().getMethods().forEach(m -> own.add(m.getNameAsString()));
        for (MethodDeclaration main : type.get().getMethodsByName("main")) {
            for (MethodCallExpr call : main.findAll(MethodCallExpr.class)) {
                boolean self = call.getScope().map(s -> s.toString().equals(simple)).orElse(true);
                if (self && own.contains(call.getNameAsString())) {
                    entries.add(call.getNameAsString());
                }
            }
        }
        return entries;
    }

    private static Set<String> staticImports(CompilationUnit unit, String qualified, Set<String> entries) {
        Set<String> imported = new HashSet<>();
        for (ImportDeclaration d : unit.getImports()) {
            if (!d.isStatic()) {
                continue;
            }
            String name = d.getNameAsString();
            if (d.isAsterisk() && name.equals(qualified)) {
                imported.addAll(entries);
            } else if (name.startsWith(qualified + ".") && entries.contains(name.substring(qualified.length() + 1))) {
                imported.add(name.substring(qualified.length() + 1));
            }
        }
        return imported;
    }

    private static boolean isTest(MethodDeclaration m) {
        return m.getAnnotations().stream().anyMatch(a -> {
            String name = a.getNameAsString();
            return TEST_ANNOTATIONS.contains(name.substring(name.lastIndexOf('.') + 1));
        });
    }

    /** The test class's methods a method reaches through calls of its own methods, itself included. */
    private static Set<String> reachable(String from, Map<String, Set<String>> calls) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(calls.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static String fileName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.java$", "");
    }
}

package dev.slk.checklist.code;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.core.findings.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Item 4, a static check of each Java function's main sources with a Java parser. Three rules:
 * <ol>
 * <li>no empty catch block (a comment alone does not count as handling);</li>
 * <li>a catch of {@code Exception} or {@code Throwable} rethrows, or records the failure: a
 * logged error ({@code error(...)} or {@code fatal(...)} on a logger), a batch item failure (a
 * {@code BatchItemFailure} created or a method named like {@code addBatchItemFailure}), or a
 * metric ({@code putMetric}, {@code addMetric}, {@code increment});</li>
 * <li>the handler reports failures: its class throws somewhere, calls {@code orThrow()} on a
 * Lambda kit result (the kit's sender throws {@code UndeliveredEventsException} that way), or
 * {@code handleRequest} returns a batch response ({@code SQSBatchResponse},
 * {@code StreamsEventResponse}) that reports partial failures.</li>
 * </ol>
 */
public final class ErrorHandlingCheck implements Check {
    static final Set<String> BROAD = Set.of("Exception", "Throwable", "java.lang.Exception", "java.lang.Throwable");
    static final Set<String> RECORDING_CALLS = Set.of("error", "fatal", "putMetric", "addMetric", "increment");

    private final ParsedFunctions parsed;

    /** A check that parses the functions itself. */
    public ErrorHandlingCheck() {
        this(new ParsedFunctions());
    }

    /** @param parsed the functions the run has parsed, shared with the other code checks */
    public ErrorHandlingCheck(ParsedFunctions parsed) {
        this.parsed = parsed;
    }

    @Override
    public Item item() {
        return Item.ERROR_HANDLING;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        List<Path> java = module.functions().stream().filter(JavaFunctions::isJava).toList();
        if (java.isEmpty()) {
            return new Measurement.NotApplicable(module.functions().isEmpty()
                    ? "the module has no Lambda function (src/lambda/*)"
                    : "the module's functions are not Java; the static check reads Java sources");
        }
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Path function : java) {
            JavaFunctions code = parsed.of(function);
            code.problems().forEach(p -> findings.add(module.failure(item(), p.file(), p.line(), p.column(),
                    "cannot be parsed as Java 17: " + p.message())));
            int catches = 0;
            for (JavaFunctions.Parsed unit : code.units()) {
                for (CatchClause c : unit.unit().findAll(CatchClause.class)) {
                    catches++;
                    catchClause(module, unit.file(), c).ifPresent(findings::add);
                }
            }
            Optional<JavaFunctions.Handler> handler = code.handler();
            String name = module.relative(function);
            if (handler.isEmpty()) {
                findings.add(module.failure(item(), function.resolve("src/main/java"), 0, 0, name
                        + " has no handler class (implementing RequestHandler or declaring handleRequest)"));
            } else {
                handler(module, handler.get()).ifPresent(findings::add);
            }
            evidence.add(name + ": Java files parsed " + code.units().size() + ", catch clauses " + catches
                    + handler.map(h -> ", handler " + h.type().getNameAsString()).orElse(""));
        }
        return new Measurement.Measured(evidence, findings);
    }

    private Optional<Finding> catchClause(ModuleUnderCheck module, Path file, CatchClause c) {
        int line = JavaFunctions.line(c);
        int column = JavaFunctions.column(c);
        if (c.getBody().getStatements().isEmpty()) {
            return Optional.of(module.failure(item(), file, line, column, "empty catch block of "
                    + c.getParameter().getType().asString() + ": handle, record or rethrow the failure"));
        }
        if (!broad(c.getParameter().getType()) || !c.getBody().findAll(ThrowStmt.class).isEmpty()) {
            return Optional.empty();
        }
        boolean records = c.getBody().findAll(MethodCallExpr.class).stream().anyMatch(m -> RECORDING_CALLS
                .contains(m.getNameAsString()) || m.getNameAsString().toLowerCase(java.util.Locale.ROOT).contains("itemfailure"))
                || c.getBody().findAll(ObjectCreationExpr.class).stream()
                        .anyMatch(o -> o.getType().getNameAsString().contains("BatchItemFailure"));
        return records ? Optional.empty() : Optional.of(module.failure(item(), file, line, column, "catch of "
                + c.getParameter().getType().asString() + " neither rethrows nor records the failure (a logged "
                + "error, a batch item failure or a metric)"));
    }

    private Optional<Finding> handler(ModuleUnderCheck module, JavaFunctions.Handler handler) {
        boolean throwsSomewhere = !handler.type().findAll(ThrowStmt.class).isEmpty()
                || handler.type().findAll(MethodCallExpr.class).stream().anyMatch(m -> m.getNameAsString().equals("orThrow"));
        boolean batchResponse = JavaFunctions.handleRequest(handler).stream().map(m -> m.getType().asString())
                .anyMatch(t -> t.contains("BatchResponse") || t.contains("StreamsEventResponse"));
        if (throwsSomewhere || batchResponse) {
            return Optional.empty();
        }
        return Optional.of(module.failure(item(), handler.file(), JavaFunctions.line(handler.type()),
                JavaFunctions.column(handler.type()), "handler " + handler.type().getNameAsString()
                        + " neither throws nor returns a batch response, so a failed run would count as a success"));
    }

    private static boolean broad(Type type) {
        if (type instanceof UnionType union) {
            return union.getElements().stream().anyMatch(ErrorHandlingCheck::broad);
        }
        return BROAD.contains(type.asString());
    }
}

package dev.slk.checklist.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Java sources of a module's Lambda function, parsed with JavaParser (javaparser-core, used
 * under its Apache-2.0 licence), and its handler: the class that implements
 * {@code RequestHandler} or {@code RequestStreamHandler}, or else declares {@code handleRequest}.
 *
 * @param function the function's directory
 * @param units the parsed files
 * @param problems files that do not parse: the file and the parser's first problem
 */
record JavaFunctions(Path function, List<Parsed> units, List<Unparsable> problems) {

    /** One parsed file. */
    record Parsed(Path file, CompilationUnit unit) {
    }

    /** One file JavaParser refused. */
    record Unparsable(Path file, int line, int column, String message) {
    }

    /** A handler class and the file it is in. */
    record Handler(Path file, ClassOrInterfaceDeclaration type) {
    }

    /** @return whether the function is written in Java (it has src/main/java) */
    static boolean isJava(Path function) {
        return Files.isDirectory(function.resolve("src/main/java"));
    }

    static JavaFunctions parse(Path function) throws IOException {
        JavaParser parser = parser();
        List<Parsed> units = new ArrayList<>();
        List<Unparsable> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(function.resolve("src/main/java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            CompilationUnit unit = parse(parser, file, problems);
            if (unit != null) {
                units.add(new Parsed(file, unit));
            }
        }
        return new JavaFunctions(function, units, problems);
    }

    /** @return a parser for the Java 17 sources of module functions */
    static JavaParser parser() {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    }

    /**
     * @param parser the parser
     * @param file a Java source
     * @param problems where a file that does not parse is added, with the parser's first problem
     * @return the parsed file, or null when it does not parse
     * @throws IOException when it cannot be read
     */
    static CompilationUnit parse(JavaParser parser, Path file, List<Unparsable> problems) throws IOException {
        ParseResult<CompilationUnit> result = parser.parse(file);
        if (result.isSuccessful() && result.getResult().isPresent()) {
            return result.getResult().get();
        }
        Problem first = result.getProblems().get(0);
        int[] at = first.getLocation().flatMap(l -> l.getBegin().getRange())
                .map(r -> new int[] {r.begin.line, r.begin.column}).orElse(new int[] {0, 0});
        problems.add(new Unparsable(file, at[0], at[1], first.getMessage().lines().findFirst().orElse("")));
        return null;
    }

    Optional<Handler> handler() {
        for (Parsed p : units) {
            for (ClassOrInterfaceDeclaration type : p.unit().findAll(ClassOrInterfaceDeclaration.class)) {
                if (type.getImplementedTypes().stream().anyMatch(t -> t.getNameAsString().equals("RequestHandler")
                        || t.getNameAsString().equals("RequestStreamHandler"))) {
                    return Optional.of(new Handler(p.file(), type));
                }
            }
        }
        for (Parsed p : units) {
            for (ClassOrInterfaceDeclaration type : p.unit().findAll(ClassOrInterfaceDeclaration.class)) {
                if (!type.getMethodsByName("handleRequest").isEmpty()) {
                    return Optional.of(new Handler(p.file(), type));
                }
            }
        }
        return Optional.empty();
    }

    static int line(com.github.javaparser.ast.Node node) {
        return node.getBegin().map(p -> p.line).orElse(0);
    }

    static int column(com.github.javaparser.ast.Node node) {
        return node.getBegin().map(p -> p.column).orElse(0);
    }

    static List<MethodDeclaration> handleRequest(Handler handler) {
        return handler.type().getMethodsByName("handleRequest");
    }
}

package dev.slk.checklist.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsedFunctionsTest {
    @TempDir
    Path function;

    @Test
    void theCodeChecksOfOneRunShareOneParseOfEachFunction() throws Exception {
        Path source = function.resolve("src/main/java/x/Handler.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package x;\nclass Handler { void handleRequest() { throw new IllegalStateException(); } }\n");
        ParsedFunctions parsed = new ParsedFunctions();

        JavaFunctions first = parsed.of(function);
        Files.writeString(source, "package x;\nclass Other {}\n");

        assertSame(first, parsed.of(function), "a second check of the same run reads the first parse");
        assertEquals("Handler", parsed.of(function).handler().orElseThrow().type().getNameAsString());
        assertEquals("Other", new ParsedFunctions().of(function).units().get(0).unit().getType(0).getNameAsString(),
                "a new run parses again");
    }
}

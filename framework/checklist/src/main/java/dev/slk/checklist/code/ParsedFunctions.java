package dev.slk.checklist.code;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Java functions one checklist run has parsed, so that the checks that read a function's
 * code (items 4 and 5) parse each of its files once. One instance serves one run.
 */
public final class ParsedFunctions {
    private final Map<Path, JavaFunctions> parsed = new HashMap<>();

    JavaFunctions of(Path function) throws IOException {
        JavaFunctions known = parsed.get(function);
        if (known == null) {
            known = JavaFunctions.parse(function);
            parsed.put(function, known);
        }
        return known;
    }
}

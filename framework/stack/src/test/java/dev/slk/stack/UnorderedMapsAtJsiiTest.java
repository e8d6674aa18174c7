package dev.slk.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Map.of (of two or more entries), Map.copyOf, Map.ofEntries and HashMap iterate in an
 * order that differs between JVM processes; handed to a construct they make synth differ from run
 * to run. In the stack's sources and in the module template's (every generated module starts from
 * it) such a map may only appear inside {@code JsiiMaps.sorted(...)}, which orders it.
 */
class UnorderedMapsAtJsiiTest {
    private static final Pattern UNORDERED =
            Pattern.compile("Map\\.of\\(|Map\\.copyOf\\(|Map\\.ofEntries\\(|new HashMap<");
    private static final String SORTED = "JsiiMaps.sorted(";
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"),
            Path.of(System.getProperty("slk.workspace.dir"), "templates", "module", "java21", "src", "main", "java"));

    @Test
    void stackAndModuleTemplateSourcesHandNoUnorderedMapToCdk() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> sources = Files.walk(root)) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    offenders.addAll(offenders(source));
                }
            }
        }
        assertEquals(List.of(), offenders, "wrap these in JsiiMaps.sorted(...) (see its javadoc)");
    }

    @Test
    void theGuardSeesMultiEntryLiteralsAndCopiesButNotOrderedOnes() {
        assertEquals(List.of(1, 2, 3), lines("""
                x(Map.of("a", 1, "b", 2));
                x(Map.copyOf(m));
                x(new HashMap<>());
                x(Map.of());
                x(Map.of("only", f(1, 2)));
                x(JsiiMaps.sorted(Map.of("a", 1,
                        "b", List.of(Map.of("c", 3, "d", 4)))));
                """));
    }

    private static List<String> offenders(Path source) throws IOException {
        return lines(Files.readString(source)).stream().map(line -> source + ":" + line).toList();
    }

    private static List<Integer> lines(String text) {
        String code = blankSortedArguments(text);
        List<Integer> lines = new ArrayList<>();
        Matcher matcher = UNORDERED.matcher(code);
        while (matcher.find()) {
            boolean literal = matcher.group().equals("Map.of(");
            if (!literal || topLevelCommas(code, matcher.end()) >= 3) {
                lines.add(1 + (int) code.substring(0, matcher.start()).chars().filter(c -> c == '\n').count());
            }
        }
        return lines;
    }

    /** Replaces every {@code JsiiMaps.sorted(...)} argument by blanks, newlines kept for line numbers. */
    private static String blankSortedArguments(String text) {
        StringBuilder code = new StringBuilder(text);
        for (int start = code.indexOf(SORTED); start >= 0; start = code.indexOf(SORTED, start + 1)) {
            int end = closingParenthesis(code, start + SORTED.length());
            for (int i = start + SORTED.length(); i < end; i++) {
                if (code.charAt(i) != '\n') {
                    code.setCharAt(i, ' ');
                }
            }
        }
        return code.toString();
    }

    private static int closingParenthesis(CharSequence code, int from) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            depth += code.charAt(i) == '(' ? 1 : code.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    private static int topLevelCommas(CharSequence code, int from) {
        int commas = 0;
        int end = closingParenthesis(code, from);
        int depth = 0;
        for (int i = from; i < end; i++) {
            char c = code.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            commas += depth == 0 && c == ',' ? 1 : 0;
        }
        return commas;
    }
}

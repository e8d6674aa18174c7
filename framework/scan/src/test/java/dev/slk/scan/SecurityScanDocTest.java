package dev.slk.scan;

import dev.slk.core.findings.Severity;
import dev.slk.core.findings.Rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The rule table of docs/SECURITY_SCAN.md is generated from the catalogue and must match it. */
class SecurityScanDocTest {
    private static final Path DOC = Path.of(System.getProperty("slk.workspace.dir", "../.."), "docs", "SECURITY_SCAN.md");
    private static final String BEGIN = "<!-- rules:begin (generated from the rule catalogue; SecurityScanDocTest) -->\n";
    private static final String END = "<!-- rules:end -->";

    static String table() {
        StringBuilder md = new StringBuilder("| Rule | Severity | Finds | Fix |\n|---|---|---|---|\n");
        for (Rule r : RuleCatalogue.all()) {
            md.append("| `").append(r.id()).append("` | ").append(r.severity().label()).append(" | ")
                    .append(r.description().replace("|", "\\|")).append(" | ").append(r.hint().replace("|", "\\|"))
                    .append(" |\n");
        }
        return md.toString();
    }

    @Test
    void ruleTableMatchesTheCatalogue() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/SECURITY_SCAN.md lacks the generated rule table markers");
        String expected = doc.substring(0, begin + BEGIN.length()) + table() + doc.substring(end);
        if (Boolean.getBoolean("slk.updateDocs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            doc = expected;
        }
        assertEquals(expected, doc, "the rule table is out of date; run: mvn -q -pl framework/scan -am test "
                + "-Dtest=SecurityScanDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dslk.updateDocs=true");
    }
}

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
    void gitleaksComparisonNamesEverySecretRuleAndOnlyRulesThatExist() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf("<!-- gitleaks:begin");
        int end = doc.indexOf("<!-- gitleaks:end -->");
        assertTrue(begin >= 0 && end > begin, "docs/SECURITY_SCAN.md lacks the gitleaks comparison markers");
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (String row : doc.substring(begin, end).split("\n")) {
            String[] cells = row.split("\\|", -1);
            if (cells.length < 4 || cells[2].contains("---") || cells[2].contains("slk rule")) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([a-z0-9-]+)`").matcher(cells[2]);
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        java.util.Set<String> secretRules = new java.util.TreeSet<>(
                dev.slk.scan.rules.SecretRules.catalogue().stream().map(dev.slk.scan.rules.SecretRule::id).toList());
        assertEquals(secretRules, named, "the slk column of the gitleaks comparison must name exactly the secret rules");
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

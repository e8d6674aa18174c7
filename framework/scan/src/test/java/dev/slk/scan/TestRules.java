package dev.slk.scan;

import dev.slk.core.findings.Severity;
import dev.slk.scan.rules.SecretMatch;
import dev.slk.scan.rules.SecretRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule for engine tests: {@code zq_} followed by 16 lower-case letters or digits. */
final class TestRules {
    static final SecretRule ZQ = new SecretRule("test-zq-token", Severity.HIGH, "Test token", "Rotate it",
            List.of("zq_"), text -> {
                List<SecretMatch> out = new ArrayList<>();
                Matcher m = Pattern.compile("zq_[a-z0-9]{16}").matcher(text);
                while (m.find()) {
                    out.add(new SecretMatch(m.start(), m.end(), m.group()));
                }
                return out;
            });

    /** A token built at run time, so the source holds none. */
    static String token(char c) {
        return "zq" + "_" + String.valueOf(c).repeat(8) + "0123abcd";
    }

    private TestRules() {
    }
}

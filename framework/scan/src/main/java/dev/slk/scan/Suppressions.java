package dev.slk.scan;

import dev.slk.scan.files.ScanText;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: a comment {@code slk-scan:ignore RULE-ID reason...} on the line of a
 * finding or on the line above it accepts that finding. The reason is required, so that a
 * reviewer sees why; a suppression without one is not honoured.
 */
final class Suppressions {
    static final String MARKER = "slk-scan:ignore";
    private static final Pattern COMMENT = Pattern.compile(
            Pattern.quote(MARKER) + "\\s+([a-z0-9][a-z0-9-]*)(?:[ \\t]+([^\\r\\n]*?))?\\s*(?:\\*/|-->|#})?\\s*$",
            Pattern.MULTILINE);

    /** What the comment next to a finding says about it. */
    sealed interface Verdict permits Accepted, MissingReason, None {
    }

    /** @param reason why the finding is accepted */
    record Accepted(String reason) implements Verdict {
    }

    /** The comment names the rule but gives no reason. */
    record MissingReason() implements Verdict {
    }

    /** No comment names the rule. */
    record None() implements Verdict {
    }

    private Suppressions() {
    }

    /**
     * @param text the file
     * @param lineStart offset where the finding's line starts
     * @param ruleId the finding's rule
     * @return the verdict of a comment on that line or the line above
     */
    static Verdict verdict(ScanText text, int lineStart, String ruleId) {
        if (text.indexOf(MARKER) < 0) {
            return new None();
        }
        int lineEnd = text.indexOf('\n', lineStart);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        int previousStart = lineStart == 0 ? 0 : text.lastIndexOf('\n', lineStart - 2) + 1;
        Verdict same = find(text.substring(lineStart, lineEnd), ruleId);
        if (!(same instanceof None) || lineStart == 0) {
            return same;
        }
        return find(text.substring(previousStart, lineStart), ruleId);
    }

    private static Verdict find(String lines, String ruleId) {
        Matcher m = COMMENT.matcher(lines);
        while (m.find()) {
            if (m.group(1).equals(ruleId)) {
                String reason = Optional.ofNullable(m.group(2)).map(String::strip).orElse("");
                return reason.isEmpty() ? new MissingReason() : new Accepted(reason);
            }
        }
        return new None();
    }
}

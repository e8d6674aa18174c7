package dev.slk.scan.rules;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises values that stand in for a secret in documentation, templates and examples. Every
 * detector drops them, because reporting {@code <your-token>} as a leak only teaches people to
 * ignore the scanner.
 */
public final class Placeholders {

    /** The keys AWS prints in its documentation; they are public and never valid. */
    private static final Set<String> AWS_DOC_KEYS = Set.of(
            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    // Bounded repetitions only, so a hostile value cannot make this slow.
    private static final Pattern MARKERS = Pattern.compile(
            "<[^<>\\r\\n]{1,200}>"
                    + "|\\$\\{[^}\\r\\n]{0,200}\\}"
                    + "|\\{\\{[^}\\r\\n]{0,200}\\}\\}"
                    + "|%\\([^)\\r\\n]{1,100}\\)s"
                    + "|replace_|replace-me"
                    + "|change_?me|change-me"
                    + "|xxxx|\\*\\*\\*|\\.\\.\\."
                    + "|example|dummy|your_|your-",
            Pattern.CASE_INSENSITIVE);

    private Placeholders() {
    }

    /**
     * @param value a candidate secret
     * @return true when the value is a placeholder (template markers, "changeme", "xxxx", the AWS
     *     documentation keys, anything ending in EXAMPLE, ...), or null
     */
    public static boolean isPlaceholder(String value) {
        if (value == null) {
            return true;
        }
        return AWS_DOC_KEYS.contains(value)
                || value.toLowerCase(Locale.ROOT).startsWith("placeholder")
                || MARKERS.matcher(value).find();
    }
}

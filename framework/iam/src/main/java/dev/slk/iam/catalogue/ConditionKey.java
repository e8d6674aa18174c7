package dev.slk.iam.catalogue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A condition key and the type of its values.
 *
 * @param name as the reference spells it, e.g. {@code aws:ResourceTag/${TagKey}}
 * @param type {@code String}, {@code ARN}, {@code Bool}, {@code Numeric}, {@code Date}, {@code IPAddress},
 *     {@code Binary}, or {@code ArrayOf...} of one of them
 */
public record ConditionKey(String name, String type) {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

    /** @return whether a key as a policy writes it is this key (names are case-insensitive; variables match any text) */
    public boolean matches(String written) {
        if (!name.contains("${")) {
            return name.equalsIgnoreCase(written);
        }
        String[] parts = VARIABLE.split(name.toLowerCase(Locale.ROOT), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append(".+");
            }
        }
        return written.toLowerCase(Locale.ROOT).matches(regex.toString());
    }

    /** @return the type of one value: {@code ArrayOfString} gives {@code String} */
    public String elementType() {
        return type.startsWith("ArrayOf") ? type.substring("ArrayOf".length()) : type;
    }
}

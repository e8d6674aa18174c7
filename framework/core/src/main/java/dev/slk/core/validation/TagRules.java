package dev.slk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.config.ConfigKeys;
import dev.slk.core.text.Echo;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * AWS's rules for tags, which every resource slk builds carries: keys and values may hold only
 * letters, digits, white space and {@code _ . : / = + - @} (so no control characters and no
 * direction overrides such as U+202E), keys may not start with the reserved {@code aws:}, and a
 * key may be given once. Lengths (1 to 128, 0 to 256) are the schema's.
 */
final class TagRules {
    /** One character AWS allows in a tag key or value (the pattern of the Tag API, one character of it). */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");
    private static final String RESERVED_PREFIX = "aws:";
    private static final String ALLOWED_WORDS = "tag keys and values may hold letters, digits, spaces and _ . : / = + - @";

    private TagRules() {
    }

    static void check(RuleContext ctx) {
        JsonNode tags = ctx.config().at(ConfigKeys.TAGS);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            String base = ConfigKeys.item(ConfigKeys.TAGS, i);
            int index = i;
            String keyPointer = ConfigKeys.child(base, ConfigKeys.Tag.KEY);
            ctx.text(keyPointer).ifPresent(key -> {
                characters(ctx, keyPointer, "key", key);
                if (key.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
                    ctx.error("tags.reserved-prefix", keyPointer, "tag key " + Echo.quoted(key)
                            + " starts with 'aws:', which AWS reserves for its own tags", "choose another key");
                }
                Integer first = seen.putIfAbsent(key, index);
                if (first != null) {
                    ctx.error("tags.duplicate-key", keyPointer, "tag key " + Echo.quoted(key)
                            + " is also given by tags[" + first + "]; a resource holds each key once",
                            "remove one of them");
                }
            });
            String valuePointer = ConfigKeys.child(base, ConfigKeys.Tag.VALUE);
            ctx.text(valuePointer).ifPresent(value -> characters(ctx, valuePointer, "value", value));
        }
    }

    private static void characters(RuleContext ctx, String pointer, String part, String text) {
        first(text).ifPresent(codePoint -> {
            String name = Character.getName(codePoint);
            ctx.error("tags.characters", pointer, "tag " + part + " " + Echo.quoted(text) + " contains "
                    + String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " " + name)
                    + ", which AWS does not allow in tags", ALLOWED_WORDS);
        });
    }

    /** The first code point AWS does not allow, if any. */
    private static OptionalInt first(String text) {
        return text.codePoints().filter(cp -> !ALLOWED.matcher(Character.toString(cp)).matches()).findFirst();
    }
}

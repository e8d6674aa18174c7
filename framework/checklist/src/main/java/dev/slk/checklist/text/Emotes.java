package dev.slk.checklist.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds emoji and text emoticons in a line. Emoji are the pictographic code points (Unicode's
 * Extended_Pictographic blocks: U+1F000 to U+1FAFF, U+2600 to U+27BF, U+2B00 to U+2BFF, U+2300 to
 * U+23FF, U+3030, U+303D, U+3297, U+3299) and the emoji variation selector U+FE0F. An emoticon is
 * one of {@link #EMOTICONS} standing alone: after the line's start or a space and before a space,
 * the line's end or {@code . , ! ?}. So code such as {@code a ? b :(c)}, {@code https://},
 * {@code (?:x)} or a Markdown table's {@code |:---|} is not an emoticon. {@code <3} counts only
 * outside source code, where it is a comparison.
 */
public final class Emotes {
    /** The text emoticons slk looks for. */
    public static final List<String> EMOTICONS = List.of(":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P",
            ":-P", ":p", ":-p", ":O", ":-O", ":'(", ":-/", "^_^", "^^", "-_-", "o_O", "O_o", "T_T", "XD", ":3", "<3");
    private static final Pattern EMOTICON = Pattern.compile("(?<=^|\\s)("
            + String.join("|", EMOTICONS.stream().map(Pattern::quote).toList()) + ")(?=$|\\s|[.,!?])");

    private Emotes() {
    }

    /**
     * One emote in a line.
     *
     * @param column from 1
     * @param text the emote
     * @param emoji true for an emoji, false for a text emoticon
     */
    public record Hit(int column, String text, boolean emoji) {
    }

    /**
     * @param line one line of text
     * @param code whether the line is source code (then {@code <3} is a comparison)
     * @return the emotes in it, left to right
     */
    public static List<Hit> find(String line, boolean code) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < line.length(); ) {
            int c = line.codePointAt(i);
            if (pictographic(c)) {
                hits.add(new Hit(i + 1, new String(Character.toChars(c)), true));
            }
            i += Character.charCount(c);
        }
        Matcher m = EMOTICON.matcher(line);
        while (m.find()) {
            if (!(code && m.group(1).equals("<3"))) {
                hits.add(new Hit(m.start(1) + 1, m.group(1), false));
            }
        }
        hits.sort(java.util.Comparator.comparingInt(Hit::column));
        return hits;
    }

    static boolean pictographic(int c) {
        return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF)
                || (c >= 0x2300 && c <= 0x23FF) || c == 0x3030 || c == 0x303D || c == 0x3297 || c == 0x3299
                || c == 0xFE0F;
    }
}

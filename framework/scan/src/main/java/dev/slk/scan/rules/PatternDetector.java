package dev.slk.scan.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the secrets a regular expression captures, minus placeholders and rejected values.
 *
 * <p>With anchors (literals found at a fixed offset in every match), candidates are found with
 * {@link String#indexOf(String, int)} and the expression is only tried there: a regex that
 * starts with a look-behind or an alternation is otherwise tried at every character of every
 * file, which dominates the scan time of a large tree.
 */
final class PatternDetector implements Detector {
    private static final int NONE = -1;
    private static final int UNKNOWN = -2;

    private final Pattern pattern;
    private final int group;
    private final Predicate<String> accept;
    private final List<String> anchors;
    private final int anchorOffset;

    /**
     * @param pattern finds candidates; must not backtrack catastrophically
     * @param group the group holding the secret (0 for the whole match)
     * @param accept further checks on the secret, e.g. entropy
     * @param anchors case-sensitive literals of which every match has one, {@code anchorOffset}
     *     characters after its start; empty to try the expression everywhere
     * @param anchorOffset where the anchor sits in a match
     */
    PatternDetector(Pattern pattern, int group, Predicate<String> accept, List<String> anchors, int anchorOffset) {
        this.pattern = pattern;
        this.group = group;
        this.accept = accept;
        this.anchors = List.copyOf(anchors);
        this.anchorOffset = anchorOffset;
    }

    /** A detector whose matches start with one of {@code anchors}. */
    PatternDetector(Pattern pattern, int group, Predicate<String> accept, List<String> anchors) {
        this(pattern, group, accept, anchors, 0);
    }

    @Override
    public List<SecretMatch> find(String text) {
        List<SecretMatch> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        if (anchors.isEmpty()) {
            while (m.find()) {
                add(m, found);
            }
            return found;
        }
        // Look-behinds must see the text before the region.
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int[] next = new int[anchors.size()];
        Arrays.fill(next, UNKNOWN);
        int from = anchorOffset;
        for (int at = nextAnchor(text, next, from); at >= 0; at = nextAnchor(text, next, from)) {
            from = at + 1;
            int start = at - anchorOffset;
            if (start < 0) {
                continue;
            }
            m.region(start, text.length());
            if (m.lookingAt()) {
                add(m, found);
                from = Math.max(from, m.end() + anchorOffset);
            }
        }
        return found;
    }

    /**
     * The first anchor at or after {@code from}; {@code next} remembers each anchor's next
     * position, so each anchor's occurrences are searched for once in all, not once per call.
     */
    private int nextAnchor(String text, int[] next, int from) {
        int best = -1;
        for (int i = 0; i < next.length; i++) {
            if (next[i] != NONE && next[i] < from) {
                next[i] = text.indexOf(anchors.get(i), from);
            }
            if (next[i] >= 0 && (best < 0 || next[i] < best)) {
                best = next[i];
            }
        }
        return best;
    }

    private void add(Matcher m, List<SecretMatch> found) {
        String secret = m.group(group);
        if (secret != null && !Placeholders.isPlaceholder(secret) && accept.test(secret)) {
            found.add(new SecretMatch(m.start(group), m.end(group), secret));
        }
    }
}

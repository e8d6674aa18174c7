package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the secrets a regular expression captures, minus placeholders and rejected values.
 *
 * <p>With anchors (literals found at a fixed offset in every match), the expression is only tried
 * where an anchor is: a regex that starts with a look-behind or an alternation is otherwise tried
 * at every character of every file, which dominates the scan time of a large tree. When the
 * anchors are keywords of the scan, their places come from the scan's keyword hits, so the text
 * is not searched again at all.
 */
final class PatternDetector implements Detector {
    private final Pattern pattern;
    private final int group;
    private final Predicate<String> accept;
    private final List<String> anchors;
    private final boolean anchorsIgnoreCase;
    private final int anchorOffset;
    private final LazyKeywordSearch ownAnchors;

    /**
     * @param pattern finds candidates; must not backtrack catastrophically
     * @param group the group holding the secret (0 for the whole match)
     * @param accept further checks on the secret, e.g. entropy
     * @param anchors ASCII literals of which every match has one, {@code anchorOffset} characters
     *     after its start; empty to try the expression everywhere
     * @param anchorsIgnoreCase whether the anchors match in any case (else exactly as given)
     * @param anchorOffset where the anchor sits in a match
     */
    private PatternDetector(Pattern pattern, int group, Predicate<String> accept, List<String> anchors,
            boolean anchorsIgnoreCase, int anchorOffset) {
        this.pattern = pattern;
        this.group = group;
        this.accept = accept;
        this.anchors = List.copyOf(anchors);
        this.anchorsIgnoreCase = anchorsIgnoreCase;
        this.anchorOffset = anchorOffset;
        this.ownAnchors = new LazyKeywordSearch(this.anchors);
    }

    /** A detector whose matches have one of the case-sensitive {@code anchors} {@code anchorOffset} characters in. */
    PatternDetector(Pattern pattern, int group, Predicate<String> accept, List<String> anchors, int anchorOffset) {
        this(pattern, group, accept, anchors, false, anchorOffset);
    }

    /** A detector whose matches start with one of the case-sensitive {@code anchors}. */
    PatternDetector(Pattern pattern, int group, Predicate<String> accept, List<String> anchors) {
        this(pattern, group, accept, anchors, false, 0);
    }

    /** A detector whose matches start with one of {@code anchors}, in any case. */
    static PatternDetector anchoredIgnoringCase(Pattern pattern, int group, Predicate<String> accept,
            List<String> anchors) {
        return new PatternDetector(pattern, group, accept, anchors, true, 0);
    }

    @Override
    public List<SecretMatch> find(ScanText text) {
        return anchors.isEmpty() ? everywhere(text) : at(text, ownAnchors.find(text).starts(anchors));
    }

    @Override
    public List<SecretMatch> find(ScanText text, KeywordHits hits) {
        if (anchors.isEmpty()) {
            return everywhere(text);
        }
        return at(text, ownAnchors.in(hits, text).starts(anchors));
    }

    private List<SecretMatch> everywhere(ScanText text) {
        List<SecretMatch> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            add(m, found);
        }
        return found;
    }

    /** Tries the expression where the anchors are; {@code places} ascending, found in any case. */
    private List<SecretMatch> at(ScanText text, int[] places) {
        List<SecretMatch> found = new ArrayList<>();
        if (places.length == 0) {
            return found;
        }
        Matcher m = pattern.matcher(text);
        // Look-behinds must see the text before the region.
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int at : places) {
            int start = at - anchorOffset;
            if (start < from || start < 0 || !anchorsIgnoreCase && !anchorAt(text, at)) {
                continue;
            }
            m.region(start, text.length());
            if (m.lookingAt()) {
                add(m, found);
                from = m.end();
            }
        }
        return found;
    }

    private boolean anchorAt(ScanText text, int at) {
        for (String anchor : anchors) {
            if (text.startsWith(anchor, at)) {
                return true;
            }
        }
        return false;
    }

    private void add(Matcher m, List<SecretMatch> found) {
        String secret = m.group(group);
        if (secret != null && !Placeholders.isPlaceholder(secret) && accept.test(secret)) {
            found.add(new SecretMatch(m.start(group), m.end(group), secret));
        }
    }
}

package dev.slk.core.schema;

import dev.slk.core.text.LookAlikes;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one. */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * @param wrong the name the user wrote
     * @param known the names that exist
     * @return the closest known name, if it is close enough to be a plausible typo
     */
    public static Optional<String> suggest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        // Look-alikes (a Cyrillic 'е' in "dеv") count as the letter they pass for.
        String w = LookAlikes.skeleton(wrong).toLowerCase(Locale.ROOT);
        // A third of the length tolerates one typo in short names and a few in long ones.
        int tolerance = Math.max(1, Math.min(3, wrong.length() / 3));
        for (String candidate : known) {
            if (Math.abs(candidate.length() - w.length()) > tolerance) {
                // The distance is at least the difference in length: no need to compute it (and a
                // 1 MiB value would cost a 1 MiB-row table per candidate).
                continue;
            }
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

package dev.slk.scan.rules;

/**
 * Shannon entropy of strings. Random secrets spread over many symbols; words, identifiers and
 * repeated characters do not, so a threshold separates the two cheaply.
 */
public final class Entropy {

    private Entropy() {
    }

    /**
     * @param s any string; null and "" give 0
     * @return the Shannon entropy in bits per character (per Unicode code point)
     */
    public static double shannon(String s) {
        if (s == null || s.isEmpty()) {
            return 0.0;
        }
        int[] points = s.codePoints().sorted().toArray();
        double n = points.length;
        double bits = 0.0;
        int run = 1;
        for (int i = 1; i <= points.length; i++) {
            if (i < points.length && points[i] == points[i - 1]) {
                run++;
                continue;
            }
            double p = run / n;
            bits -= p * Math.log(p);
            run = 1;
        }
        // Sum in nats above, then convert once; -0.0 for a single symbol prints oddly, so clamp.
        return Math.max(0.0, bits / Math.log(2));
    }
}

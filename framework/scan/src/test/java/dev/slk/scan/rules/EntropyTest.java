package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntropyTest {
    private static final double DELTA = 1e-9;

    @Test
    void emptyAndNullHaveNone() {
        assertEquals(0.0, Entropy.shannon(""), DELTA);
        assertEquals(0.0, Entropy.shannon(null), DELTA);
    }

    @Test
    void oneSymbolHasNone() {
        assertEquals(0.0, Entropy.shannon("aaaaaaaa"), DELTA);
    }

    @Test
    void equallyFrequentSymbolsGiveLogTwoOfTheirCount() {
        assertEquals(1.0, Entropy.shannon("abababab"), DELTA);
        assertEquals(2.0, Entropy.shannon("abcd"), DELTA);
        assertEquals(3.0, Entropy.shannon("abcdefgh"), DELTA);
        assertEquals(4.0, Entropy.shannon("0123456789abcdef"), DELTA);
    }

    @Test
    void skewedDistribution() {
        // p = 3/4, 1/4
        assertEquals(0.811278124459, Entropy.shannon("aaab"), 1e-9);
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertEquals(1.0, Entropy.shannon("\uD83D\uDE00a"), DELTA);
    }

    @Test
    void randomBase64IsHighWordsAreLow() {
        assertTrue(Entropy.shannon(Fake.of(Fake.BASE64, 40)) > 4.5);
        assertTrue(Entropy.shannon("password") < 3.0);
    }
}

package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordAutomatonTest {

    /** Every start of every keyword in {@code text}, ignoring ASCII case: the slow, obvious way. */
    private static int[] naive(String text, List<String> keywords) {
        TreeSet<Integer> starts = new TreeSet<>();
        for (String k : keywords) {
            for (int i = 0; i + k.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, k, 0, k.length())) {
                    starts.add(i);
                }
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void findsOverlappingAndNestedKeywordsIgnoringCase() {
        List<String> keywords = List.of("pass", "password", "sword", "ss", "api_key");
        KeywordAutomaton automaton = KeywordAutomaton.of(keywords);
        String text = "DB_PASSWORD=x; my api_KEY; sss";
        KeywordHits hits = automaton.find(text);
        assertArrayEquals(new int[] {3}, hits.starts(List.of("password")));
        assertArrayEquals(new int[] {3}, hits.starts(List.of("PASS")));
        assertArrayEquals(new int[] {6}, hits.starts(List.of("sword")));
        assertArrayEquals(new int[] {5, 27, 28}, hits.starts(List.of("ss")));
        assertArrayEquals(new int[] {18}, hits.starts(List.of("api_key")));
        assertArrayEquals(naive(text, keywords), hits.starts(keywords));
    }

    @Test
    void tellsWhichKeywordsOccur() {
        KeywordAutomaton automaton = KeywordAutomaton.of(List.of("token", "aws", "://"));
        KeywordHits hits = automaton.find("see https://host/Tokens");
        assertTrue(hits.containsAny(List.of("TOKEN")));
        assertTrue(hits.containsAny(List.of("aws", "://")));
        assertFalse(hits.containsAny(List.of("aws")));
        assertFalse(hits.containsAny(List.of("unknown")));
        assertTrue(hits.knows(List.of("aws", "Token")));
        assertFalse(hits.knows(List.of("aws", "secret")));
        assertThrows(IllegalArgumentException.class, () -> hits.starts(List.of("secret")));
        assertTrue(automaton.find("nothing here").isEmpty());
    }

    @Test
    void bytesAboveAsciiMatchNoKeyword() {
        KeywordAutomaton automaton = KeywordAutomaton.of(List.of("pass"));
        byte[] utf8 = "pa\u00dfss p\u00e4ss pass".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new int[] {13}, automaton.find(utf8, 0, utf8.length).starts(List.of("pass")));
        assertArrayEquals(new int[] {11}, automaton.find("pa\u00dfss p\u00e4ss pass").starts(List.of("pass")));
    }

    @Test
    void offsetsCountFromWhereTheSearchStarts() {
        KeywordAutomaton automaton = KeywordAutomaton.of(List.of("key"));
        byte[] bytes = "xxxkey key".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(new int[] {0, 4}, automaton.find(bytes, 3, bytes.length).starts(List.of("key")));
        assertArrayEquals(new int[] {3, 7}, automaton.find(bytes, 3, bytes.length).shifted(3).starts(List.of("key")));
        assertArrayEquals(new int[] {}, automaton.find(bytes, 3, 5).starts(List.of("key")));
    }

    @Test
    void rejectsEmptyAndNonAsciiKeywords() {
        assertThrows(IllegalArgumentException.class, () -> KeywordAutomaton.of(List.of("")));
        assertThrows(IllegalArgumentException.class, () -> KeywordAutomaton.of(List.of("pa\u00df")));
        assertTrue(KeywordAutomaton.of(List.of()).find("anything").isEmpty());
    }

    /**
     * Random texts over a small alphabet, so keywords occur often and overlap, at sizes below and
     * above the size where the search splits the bytes into stretches searched side by side;
     * keywords are put right at the stretch borders too.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 100, 4095, 4096, 4097, 5000, 12_345, 100_003})
    void agreesWithANaiveSearchOnBytesAndText(int size) {
        Random random = new Random(size);
        String alphabet = "aAbBsSpP_ -:/\u00e9";
        List<String> keywords = List.of("pass", "ss", "a", "bab", "sp_", "://", "pAsSpASs", "b-a-b-a-b-a-b-a-");
        KeywordAutomaton automaton = KeywordAutomaton.of(keywords);
        for (int round = 0; round < 5; round++) {
            StringBuilder text = new StringBuilder(size);
            for (int i = 0; i < size; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (int border = 1; border < 4 && size > 64; border++) {
                int at = Math.max(0, Math.min(size - 20, (size + 3) / 4 * border - round * 3));
                text.replace(at, at + 16, "b-a-b-a-b-a-b-a-");
            }
            String s = text.toString();
            int[] expected = naive(s, keywords);
            assertArrayEquals(expected, automaton.find(s).starts(keywords), "text of " + size);
            byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
            KeywordHits hits = automaton.find(latin1, 0, latin1.length);
            assertArrayEquals(expected, hits.starts(keywords), "bytes of " + size);
            assertEquals(s.chars().allMatch(c -> c < 0x80), hits.asciiBytes(), "ASCII of " + size);
            for (String k : keywords) {
                assertArrayEquals(naive(s, List.of(k)), automaton.find(latin1, 0, latin1.length).starts(List.of(k)), k);
            }
        }
    }

    /** One byte above 0x7F anywhere, in any of the stretches searched side by side or their ends, is noticed. */
    @Test
    void tellsWhetherAllBytesAreAscii() {
        KeywordAutomaton automaton = KeywordAutomaton.of(List.of("token", "pass"));
        for (int size : new int[] {1, 100, 4095, 4096, 10_001}) {
            byte[] bytes = "a token, a pass; ".repeat(size / 17 + 1).substring(0, size).getBytes(StandardCharsets.US_ASCII);
            assertTrue(automaton.find(bytes, 0, size).asciiBytes(), "all ASCII, " + size);
            int[] expected = automaton.find(bytes, 0, size).starts(List.of("token", "pass"));
            for (int at = 0; at < size; at += Math.max(1, size / 97)) {
                byte[] marked = bytes.clone();
                marked[at] = (byte) 0xC3;
                KeywordHits hits = automaton.find(marked, 0, size);
                assertFalse(hits.asciiBytes(), "non-ASCII at " + at + " of " + size);
                String text = new String(marked, StandardCharsets.ISO_8859_1);
                assertArrayEquals(naive(text, List.of("token", "pass")), hits.starts(List.of("token", "pass")));
            }
            assertTrue(expected.length > 0 || size < 20);
        }
        assertFalse(automaton.find("token").asciiBytes(), "text is not bytes");
    }

    @Test
    void manyHitsInALargeInputStayLinear() {
        KeywordAutomaton automaton = KeywordAutomaton.of(List.of("token", "ok", "en"));
        byte[] bytes = "token".repeat(400_000).getBytes(StandardCharsets.US_ASCII);
        int[] starts = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> automaton.find(bytes, 0, bytes.length).starts(List.of("token", "ok", "en")));
        assertEquals(3 * 400_000, starts.length);
        for (int i = 1; i < starts.length; i++) {
            assertTrue(starts[i - 1] < starts[i], "ascending at " + i);
        }
    }

    @Test
    void agreesWithANaiveSearchForTheCatalogueKeywordsOnSourceLikeText() {
        List<String> keywords = new ArrayList<>();
        SecretRules.catalogue().forEach(r -> keywords.addAll(r.keywords()));
        KeywordAutomaton automaton = KeywordAutomaton.of(keywords);
        Random random = new Random(7);
        List<String> words = List.of("private key", "Password", "TOKEN", "aws", "://", "x", " ", "\n", "secret_access_key",
                "AKIA", "eyJ", "hooks.slack.com", "ghp_", "pwd", "api.key", "client_email", "8Q~", "azure");
        StringBuilder text = new StringBuilder();
        while (text.length() < 50_000) {
            text.append(words.get(random.nextInt(words.size())));
        }
        String s = text.toString();
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(naive(s, keywords), automaton.find(bytes, 0, bytes.length).starts(keywords));
        assertEquals(new TreeSet<>(keywords).size(), automaton.keywords().size());
    }
}

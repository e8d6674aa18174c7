package dev.slk.scan.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanTextTest {
    private static final String TEXT = "key: Value\r\n# -----BEGIN x\tPassWord=abc://a:b@h\n\n-key";
    private static final List<String> NEEDLES = List.of("", "k", "key", "-key", "\n", "://", "PASSWORD", "password",
            "abc\u00e9", "\u00e9", "zz", "-----BEGIN ", TEXT, TEXT + "x");

    /** The text as a view in the middle of a reused buffer: stale bytes before and after it. */
    private static ScanText view(String text) {
        byte[] stale = "key: Value://x:y@z\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[stale.length + bytes.length + stale.length];
        System.arraycopy(stale, 0, buffer, 0, stale.length);
        System.arraycopy(bytes, 0, buffer, stale.length, bytes.length);
        System.arraycopy(stale, 0, buffer, stale.length + bytes.length, stale.length);
        return ScanText.ofAscii(buffer, stale.length, stale.length + bytes.length);
    }

    @Test
    void aViewOfBytesReadsAsTheStringOfThoseBytes() {
        for (ScanText text : List.of(view(TEXT), ScanText.of(TEXT))) {
            assertEquals(TEXT, text.toString());
            assertEquals(TEXT.length(), text.length());
            for (int i = 0; i < TEXT.length(); i++) {
                assertEquals(TEXT.charAt(i), text.charAt(i), "at " + i);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> text.charAt(TEXT.length()));
            assertThrows(IndexOutOfBoundsException.class, () -> text.charAt(-1));
        }
    }

    @Test
    void aStringReadsAsItself() {
        String text = TEXT + "\u00e9\u2713";
        ScanText of = ScanText.of(text);
        assertEquals(text, of.toString());
        assertEquals(text.length() - 2, of.indexOf('\u00e9', 0));
        assertEquals(text.length() - 1, of.lastIndexOf('\u2713', text.length()));
        assertEquals("\u00e9", of.substring(text.length() - 2, text.length() - 1));
    }

    @Test
    void searchesAgreeWithStringsAtEveryOffset() {
        for (ScanText text : List.of(view(TEXT), ScanText.of(TEXT), view(TEXT).subSequence(0, TEXT.length()))) {
            for (int from = -2; from <= TEXT.length() + 2; from++) {
                for (char c : new char[] {'k', '\n', '\u00e9', '\u2713', 'q'}) {
                    assertEquals(TEXT.indexOf(c, from), text.indexOf(c, from), c + " from " + from);
                    assertEquals(TEXT.lastIndexOf(c, from), text.lastIndexOf(c, from), c + " back from " + from);
                }
                for (String s : NEEDLES) {
                    assertEquals(TEXT.indexOf(s, from), text.indexOf(s, from), s + " from " + from);
                    assertEquals(TEXT.lastIndexOf(s, from), text.lastIndexOf(s, from), s + " back from " + from);
                    assertEquals(TEXT.startsWith(s, from), text.startsWith(s, from), s + " at " + from);
                    assertEquals(TEXT.regionMatches(true, from, s, 0, s.length()), text.regionMatchesIgnoreCase(from, s),
                            s + " ignoring case at " + from);
                }
            }
            for (String s : NEEDLES) {
                assertEquals(TEXT.contains(s), text.contains(s), s);
                assertEquals(TEXT.indexOf(s), text.indexOf(s), s);
            }
        }
    }

    @Test
    void partsOfAViewAreViewsWithTheirOwnOffsets() {
        ScanText text = view(TEXT);
        for (int start = 0; start <= TEXT.length(); start++) {
            for (int end = start; end <= TEXT.length(); end++) {
                ScanText part = text.subSequence(start, end);
                String expected = TEXT.substring(start, end);
                assertEquals(expected, part.toString());
                assertEquals(expected, text.substring(start, end));
                assertEquals(expected.indexOf('\n'), part.indexOf('\n', 0));
                assertEquals(expected.lastIndexOf("key", expected.length()), part.lastIndexOf("key", expected.length()));
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> text.subSequence(2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> text.substring(0, TEXT.length() + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> ScanText.ofAscii(new byte[4], 2, 5));
    }
}

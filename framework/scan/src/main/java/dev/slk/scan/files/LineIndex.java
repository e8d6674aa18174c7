package dev.slk.scan.files;

import java.util.Arrays;

/**
 * Turns character offsets in a text into 1-based lines and columns. Lines end at {@code \n},
 * {@code \r\n} or a lone {@code \r}, as for {@link String#lines()}; a column counts characters
 * from the start of the line, a tab being one.
 */
public final class LineIndex {
    private final int length;
    /** Offset of the first character of each line, ascending; searched, so a query is O(log n). */
    private final int[] starts;

    /** @param text the whole text */
    public LineIndex(String text) {
        this(ScanText.of(text), text.length());
    }

    private LineIndex(ScanText text, int upTo) {
        length = upTo;
        int[] found = new int[16];
        int count = 1;
        if (text.lastIndexOf('\r', upTo) < 0) {
            // The usual case, \n alone: jump from line break to line break.
            for (int i = text.indexOf('\n', 0); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        } else {
            int end = text.length();
            for (int i = 0; i < upTo; i++) {
                char c = text.charAt(i);
                boolean lineEnd = c == '\n' || c == '\r' && (i + 1 == end || text.charAt(i + 1) != '\n');
                if (lineEnd) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
        }
        starts = Arrays.copyOf(found, count);
    }

    /**
     * An index of the start of a text only, for when all offsets asked about are known to be
     * early: it costs only as much as the text up to there.
     *
     * @param text the whole text
     * @param upTo the greatest offset that will be asked about, from 0 to the text's length
     * @return an index answering for offsets from 0 to {@code upTo}
     */
    public static LineIndex upTo(ScanText text, int upTo) {
        if (upTo < 0 || upTo > text.length()) {
            throw new IndexOutOfBoundsException("offset " + upTo + " is outside a text of " + text.length() + " characters");
        }
        return new LineIndex(text, upTo);
    }

    /**
     * @param offset a character offset, from 0 to the text's length (the end of the text)
     * @return the line holding it, from 1; a line break belongs to the line it ends
     * @throws IndexOutOfBoundsException when the offset is outside the text
     */
    public int line(int offset) {
        return lineIndex(offset) + 1;
    }

    /**
     * @param offset a character offset, from 0 to the text's length
     * @return its column, from 1
     * @throws IndexOutOfBoundsException when the offset is outside the text
     */
    public int column(int offset) {
        return offset - starts[lineIndex(offset)] + 1;
    }

    /**
     * @return the number of lines (of the indexed start, for {@link #upTo}); a text ending in a
     *     line break has an empty last line
     */
    public int lineCount() {
        return starts.length;
    }

    private int lineIndex(int offset) {
        if (offset < 0 || offset > length) {
            throw new IndexOutOfBoundsException("offset " + offset + " is outside a text of " + length + " characters");
        }
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : -found - 2;
    }
}

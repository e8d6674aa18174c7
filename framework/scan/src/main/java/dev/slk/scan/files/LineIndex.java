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
        length = text.length();
        int[] found = new int[16];
        int count = 1;
        if (text.indexOf('\r') < 0) {
            // The usual case, \n alone: jump from line break to line break.
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        } else {
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                boolean lineEnd = c == '\n' || c == '\r' && (i + 1 == length || text.charAt(i + 1) != '\n');
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

    /** @return the number of lines; a text ending in a line break has an empty last line */
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

package dev.slk.scan.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LineIndexTest {
    private static void assertAt(LineIndex index, int offset, int line, int column) {
        assertEquals(line, index.line(offset), "line of offset " + offset);
        assertEquals(column, index.column(offset), "column of offset " + offset);
    }

    @Test
    void lineStartsAndEnds() {
        LineIndex index = new LineIndex("ab\ncd\n\nx");
        assertAt(index, 0, 1, 1);
        assertAt(index, 1, 1, 2);
        assertAt(index, 2, 1, 3); // the line break ends line 1
        assertAt(index, 3, 2, 1);
        assertAt(index, 5, 2, 3);
        assertAt(index, 6, 3, 1); // an empty line
        assertAt(index, 7, 4, 1);
        assertAt(index, 8, 4, 2); // the end of the text
        assertEquals(4, index.lineCount());
    }

    @Test
    void crlfIsOneLineBreak() {
        LineIndex index = new LineIndex("ab\r\ncd\r\n");
        assertAt(index, 2, 1, 3);
        assertAt(index, 3, 1, 4);
        assertAt(index, 4, 2, 1);
        assertAt(index, 7, 2, 4);
        assertAt(index, 8, 3, 1);
        assertEquals(3, index.lineCount());
    }

    @Test
    void aLoneCarriageReturnEndsALine() {
        LineIndex index = new LineIndex("a\rb");
        assertAt(index, 2, 2, 1);
    }

    @Test
    void aTabIsOneColumn() {
        assertAt(new LineIndex("\t\tkey"), 2, 1, 3);
    }

    @Test
    void emptyText() {
        LineIndex index = new LineIndex("");
        assertAt(index, 0, 1, 1);
        assertEquals(1, index.lineCount());
    }

    @Test
    void manyLines() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("line ").append(i).append('\n');
        }
        LineIndex index = new LineIndex(text.toString());
        int offset = text.indexOf("line 76543\n");
        assertAt(index, offset, 76_544, 1);
        assertAt(index, offset + 5, 76_544, 6);
    }

    @Test
    void anIndexOfTheStartAnswersLikeAFullOneUpToItsEnd() {
        String text = "a\r\nbb\rccc\nd\n\neee";
        LineIndex full = new LineIndex(text);
        for (int upTo = 0; upTo <= text.length(); upTo++) {
            LineIndex start = LineIndex.upTo(ScanText.of(text), upTo);
            for (int offset = 0; offset <= upTo; offset++) {
                assertAt(start, offset, full.line(offset), full.column(offset));
            }
            int beyond = upTo + 1;
            assertThrows(IndexOutOfBoundsException.class, () -> start.line(beyond));
        }
        String unix = "one\ntwo\nthree\n";
        assertAt(LineIndex.upTo(ScanText.of(unix), 9), 9, 3, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> LineIndex.upTo(ScanText.of(unix), unix.length() + 1));
    }

    @Test
    void offsetsOutsideTheTextAreRefused() {
        LineIndex index = new LineIndex("abc");
        assertThrows(IndexOutOfBoundsException.class, () -> index.line(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> index.column(4));
    }
}

package dev.slk.core.yaml;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over text that is already in memory, in time linear in its length.
 *
 * <p>SnakeYAML's own {@link StreamReader} reads 1,023 characters at a time into a window that
 * starts at the current token and copies the whole window on every refill, so a token of n
 * characters (a long value without spaces) costs n²/2,000 copied code points: 13 s for a 5 MiB
 * one-line file. The configuration is read whole anyway (it is at most
 * {@link TextFiles#MAX_BYTES}), so this reader holds its code points in one array and overrides
 * every public method of the window with plain indexing; the semantics (line breaks, BOM,
 * indices, marks) are SnakeYAML's.
 */
final class WholeTextReader extends StreamReader {
    private static final String NAME = "'reader'";

    private final int[] codePoints;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    /**
     * @param text the whole document
     * @throws ReaderException at the first character YAML does not allow (as SnakeYAML would)
     */
    WholeTextReader(String text) {
        super(new StringReader(""));
        this.codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (!isPrintable(codePoints[i])) {
                throw new ReaderException(NAME, i, codePoints[i], "special characters are not allowed");
            }
        }
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < codePoints.length; i++) {
            int c = codePoints[pointer++];
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return pointer < codePoints.length ? codePoints[pointer] : 0;
    }

    @Override
    public int peek(int offset) {
        int at = pointer + offset;
        return at < codePoints.length ? codePoints[at] : 0;
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        return new String(codePoints, pointer, Math.max(0, Math.min(length, codePoints.length - pointer)));
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}

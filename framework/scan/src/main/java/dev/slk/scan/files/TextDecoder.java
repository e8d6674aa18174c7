package dev.slk.scan.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns file content into text for scanning, or recognises it as binary. Text that is not UTF-8
 * is still scanned: it is read as ISO-8859-1, where every byte is one character, so a secret
 * written in ASCII is found and its offsets stay meaningful.
 *
 * <p>Content is given as the first {@code length} bytes of an array, so that a scan can read
 * every file into one reused buffer.
 */
public final class TextDecoder {
    /** How much of the start of a file decides whether it is binary. */
    public static final int SNIFF_BYTES = 8 * 1024;

    private static final int CONTROL = 1;
    /** Above any count of control characters in {@value #SNIFF_BYTES} bytes. */
    private static final int NUL = 1 << 16;
    /** For each byte value: {@link #CONTROL} for a control character, {@link #NUL} for zero, else 0. */
    private static final int[] BYTE_KIND = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            BYTE_KIND[b] = b == 0 ? NUL : isControl(b) ? CONTROL : 0;
        }
    }

    private TextDecoder() {
    }

    /**
     * Text decoded from file content.
     *
     * @param text the text, without a byte-order mark
     * @param byteOffset where the text's first character is in the content when every character
     *     is one byte there (ASCII, or ISO-8859-1), so that character offsets are byte offsets
     *     minus this; -1 when characters and bytes do not correspond one to one
     */
    public record Decoded(String text, int byteOffset) {
    }

    /**
     * @param bytes the whole content
     * @return the text, without a byte-order mark; empty when the content is binary: a NUL or
     *     over 30% control characters (other than tab, CR, LF and form feed) in its first
     *     {@value #SNIFF_BYTES} bytes
     */
    public static Optional<String> decode(byte[] bytes) {
        return isBinary(bytes, bytes.length) ? Optional.empty() : Optional.of(decodeText(bytes, bytes.length).text());
    }

    /**
     * @param bytes the content, in its first {@code length} bytes
     * @param length the content's length
     * @return whether it is binary: a NUL or over 30% control characters (other than tab, CR, LF
     *     and form feed) in its first {@value #SNIFF_BYTES} bytes
     */
    public static boolean isBinary(byte[] bytes, int length) {
        return looksBinary(bytes, Math.min(length, SNIFF_BYTES));
    }

    /**
     * @param bytes content that is not binary, in its first {@code length} bytes
     * @param length the content's length
     * @return where its text starts if it can be searched for ASCII as bytes (after a UTF-8
     *     byte-order mark; ASCII reads the same in UTF-8 and ISO-8859-1), or -1 for UTF-16,
     *     which must be decoded first
     */
    public static int byteTextStart(byte[] bytes, int length) {
        return hasUtf16Bom(bytes, length) ? -1 : hasUtf8Bom(bytes, length) ? 3 : 0;
    }

    /**
     * @param bytes content that is not binary (see {@link #isBinary}), in its first
     *     {@code length} bytes
     * @param length the content's length
     * @return its text: UTF-16 after a byte-order mark, else UTF-8, else (when it is not valid
     *     UTF-8) ISO-8859-1
     */
    public static Decoded decodeText(byte[] bytes, int length) {
        if (hasUtf16Bom(bytes, length)) {
            // The UTF-16 charset reads the byte order from the mark and drops it.
            return new Decoded(new String(bytes, 0, length, StandardCharsets.UTF_16), -1);
        }
        int start = hasUtf8Bom(bytes, length) ? 3 : 0;
        int textLength = length - start;
        // The String constructor decodes ASCII with a bulk copy, and replaces malformed input with
        // U+FFFD; only content holding U+FFFD needs the strict decoder to tell which it was.
        String text = new String(bytes, start, textLength, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 && !validUtf8(bytes, start, length)) {
            return new Decoded(new String(bytes, 0, length, StandardCharsets.ISO_8859_1), 0);
        }
        return new Decoded(text, text.length() == textLength ? start : -1);
    }

    private static boolean validUtf8(byte[] bytes, int start, int end) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * @param head the start of a file
     * @param length how many bytes of it to look at, at most {@value #SNIFF_BYTES}
     * @return true when they look like binary content
     */
    static boolean looksBinary(byte[] head, int length) {
        if (hasUtf16Bom(head, length)) {
            // Every ASCII character of UTF-16 has a zero byte, so judge the characters instead.
            String text = new String(head, 0, length & ~1, StandardCharsets.UTF_16);
            int controls = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 0) {
                    return true;
                }
                controls += isControl(c) ? 1 : 0;
            }
            return tooManyControls(controls, text.length());
        }
        // Branch-free over a table, four bytes a step: every file is sniffed, so this loop runs
        // over 8 KiB of each. A sum of kinds counts control characters in its low bits, NULs above.
        int[] kinds = BYTE_KIND;
        int sum = 0;
        int i = 0;
        for (int end = length - 3; i < end; i += 4) {
            sum += kinds[head[i] & 0xff] + kinds[head[i + 1] & 0xff] + kinds[head[i + 2] & 0xff]
                    + kinds[head[i + 3] & 0xff];
        }
        for (; i < length; i++) {
            sum += kinds[head[i] & 0xff];
        }
        return sum >= NUL || tooManyControls(sum, length);
    }

    private static boolean isControl(int c) {
        return (c < 0x20 || c == 0x7f) && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    }

    private static boolean tooManyControls(int controls, int total) {
        return controls * 10L > total * 3L;
    }

    private static boolean hasUtf16Bom(byte[] bytes, int length) {
        if (length < 2) {
            return false;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE;
    }

    private static boolean hasUtf8Bom(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }
}

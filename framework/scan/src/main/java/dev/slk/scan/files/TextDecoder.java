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
 */
public final class TextDecoder {
    /** How much of the start of a file decides whether it is binary. */
    public static final int SNIFF_BYTES = 8 * 1024;

    private TextDecoder() {
    }

    /**
     * @param bytes the whole content
     * @return the text, without a byte-order mark; empty when the content is binary: a NUL or
     *     over 30% control characters (other than tab, CR, LF and form feed) in its first
     *     {@value #SNIFF_BYTES} bytes
     */
    public static Optional<String> decode(byte[] bytes) {
        if (looksBinary(bytes, Math.min(bytes.length, SNIFF_BYTES))) {
            return Optional.empty();
        }
        if (hasUtf16Bom(bytes)) {
            // The UTF-16 charset reads the byte order from the mark and drops it.
            return Optional.of(new String(bytes, StandardCharsets.UTF_16));
        }
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * @param head the start of a file
     * @param length how many bytes of it to look at
     * @return true when they look like binary content
     */
    static boolean looksBinary(byte[] head, int length) {
        if (hasUtf16Bom(head)) {
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
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                return true;
            }
            controls += isControl(b) ? 1 : 0;
        }
        return tooManyControls(controls, length);
    }

    private static boolean isControl(int c) {
        return (c < 0x20 || c == 0x7f) && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    }

    private static boolean tooManyControls(int controls, int total) {
        return controls * 10L > total * 3L;
    }

    private static boolean hasUtf16Bom(byte[] bytes) {
        if (bytes.length < 2) {
            return false;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE;
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }
}

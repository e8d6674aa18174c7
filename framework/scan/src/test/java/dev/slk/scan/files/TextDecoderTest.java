package dev.slk.scan.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void decodesUtf8() {
        assertEquals(Optional.of("pässword: ✓\n"), TextDecoder.decode("pässword: ✓\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(""), TextDecoder.decode(new byte[0]));
    }

    @Test
    void dropsAUtf8ByteOrderMark() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a=b".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of("a=b"), TextDecoder.decode(bytes));
    }

    @Test
    void readsInvalidUtf8AsLatin1WithOneCharacterPerByte() {
        byte[] bytes = "caf\u00e9 key=AKIA".getBytes(StandardCharsets.ISO_8859_1);
        String text = TextDecoder.decode(bytes).orElseThrow();
        assertEquals("caf\u00e9 key=AKIA", text);
        assertEquals(bytes.length, text.length());
    }

    @Test
    void decodesUtf16WithEitherByteOrderMark() {
        byte[] little = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "token=ü\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] big = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "token=ü\n".getBytes(StandardCharsets.UTF_16BE));
        assertEquals(Optional.of("token=ü\n"), TextDecoder.decode(little));
        assertEquals(Optional.of("token=ü\n"), TextDecoder.decode(big));
    }

    @Test
    void aNulByteMeansBinary() {
        assertEquals(Optional.empty(), TextDecoder.decode("text\0more".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aNulByteAfterTheFirst8KiBDoesNot() {
        byte[] bytes = new byte[TextDecoder.SNIFF_BYTES + 1];
        Arrays.fill(bytes, (byte) 'a');
        bytes[TextDecoder.SNIFF_BYTES] = 0;
        assertEquals(TextDecoder.SNIFF_BYTES + 1, TextDecoder.decode(bytes).orElseThrow().length());
    }

    @Test
    void manyControlCharactersMeanBinary() {
        byte[] bytes = new byte[100];
        Arrays.fill(bytes, (byte) 'a');
        Arrays.fill(bytes, 0, 31, (byte) 0x01);
        assertEquals(Optional.empty(), TextDecoder.decode(bytes));
        Arrays.fill(bytes, 30, 31, (byte) 'a');
        assertEquals(100, TextDecoder.decode(bytes).orElseThrow().length());
    }

    @Test
    void whitespaceControlsAreText() {
        assertEquals(Optional.of("\t\t\r\n\f\n"), TextDecoder.decode("\t\t\r\n\f\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void utf16WithANulCharacterIsBinary() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a\0b".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(Optional.empty(), TextDecoder.decode(bytes));
    }
}

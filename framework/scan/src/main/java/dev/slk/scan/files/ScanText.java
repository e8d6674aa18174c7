package dev.slk.scan.files;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The text of one file as the secret rules read it: either a {@code String}, or a view of
 * ASCII content, one character per byte, so that a file is searched without being
 * copied into a {@code String} first. Most files a scan decodes are ASCII, and their copies were
 * the bulk of what a scan allocated.
 *
 * <p>A final class rather than a {@code CharSequence} parameter: with the client compiler the
 * launcher runs, {@link #charAt} on a final class is a direct call, where an interface call
 * costs the character loops of the rules about 40% more. A view is only valid while its bytes
 * are: the scanner reuses its buffer for the next file, so nothing may keep a view, only the
 * strings {@link #substring} makes.
 */
public final class ScanText implements CharSequence {
    /** The characters, one per byte from {@link #offset}; null when the text is {@link #string}. */
    private final byte[] bytes;
    private final String string;
    private final int offset;
    private final int length;

    private ScanText(byte[] bytes, String string, int offset, int length) {
        this.bytes = bytes;
        this.string = string;
        this.offset = offset;
        this.length = length;
    }

    /**
     * @param text any text
     * @return it, as the rules read it
     */
    public static ScanText of(String text) {
        return new ScanText(null, text, 0, text.length());
    }

    /**
     * @param bytes content whose bytes from {@code start} to {@code end} are all ASCII (as the
     *     keyword search tells, {@code KeywordHits#asciiBytes}); other bytes read as garbage
     * @param start where the text starts
     * @param end where it ends
     * @return a view of those bytes, one character each, not a copy
     */
    public static ScanText ofAscii(byte[] bytes, int start, int end) {
        if (start < 0 || end < start || end > bytes.length) {
            throw new IndexOutOfBoundsException("bytes " + start + " to " + end + " of " + bytes.length);
        }
        return new ScanText(bytes, null, start, end - start);
    }

    @Override
    public int length() {
        return length;
    }

    // Kept within the 35 bytes of bytecode up to which the client compiler inlines a method, as it
    // does String's (the rules call this for nearly every character they look at): hence ASCII
    // only, whose bytes need no masking, and the check in a method of its own.
    @Override
    public char charAt(int index) {
        if (bytes == null) {
            return string.charAt(index);
        }
        return (char) bytes[offset + checked(index)];
    }

    private int checked(int index) {
        return Objects.checkIndex(index, length);
    }

    /** @return the characters from {@code start} to {@code end}, as a view when this is one */
    @Override
    public ScanText subSequence(int start, int end) {
        check(start, end);
        return bytes == null ? of(string.substring(start, end)) : new ScanText(bytes, null, offset + start, end - start);
    }

    /** @return the characters from {@code start} to {@code end}, as a string that outlives the view */
    public String substring(int start, int end) {
        check(start, end);
        // ISO-8859-1 reads ASCII as ASCII, with a plain copy.
        return bytes == null ? string.substring(start, end)
                : new String(bytes, offset + start, end - start, StandardCharsets.ISO_8859_1);
    }

    private void check(int start, int end) {
        if (start < 0 || end < start || end > length) {
            throw new StringIndexOutOfBoundsException("begin " + start + ", end " + end + ", length " + length);
        }
    }

    /** @return the whole text, as a string (a copy, for a view) */
    @Override
    public String toString() {
        return bytes == null ? string : substring(0, length);
    }

    /** @return the first index of {@code c} at or after {@code from}, or -1, as {@link String#indexOf(int, int)} */
    public int indexOf(char c, int from) {
        if (bytes == null) {
            return string.indexOf(c, from);
        }
        if (c > 0x7f) {
            return -1;
        }
        for (int i = Math.max(from, 0); i < length; i++) {
            if (bytes[offset + i] == (byte) c) {
                return i;
            }
        }
        return -1;
    }

    /** @return the first index of {@code s} at or after {@code from}, or -1, as {@link String#indexOf(String, int)} */
    public int indexOf(String s, int from) {
        if (bytes == null) {
            return string.indexOf(s, from);
        }
        if (s.isEmpty()) {
            return Math.min(Math.max(from, 0), length);
        }
        char first = s.charAt(0);
        for (int i = indexOf(first, from); i >= 0 && i <= length - s.length(); i = indexOf(first, i + 1)) {
            if (startsWith(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the first index of {@code s}, or -1 */
    public int indexOf(String s) {
        return indexOf(s, 0);
    }

    /** @return whether the text holds {@code s} */
    public boolean contains(String s) {
        return indexOf(s, 0) >= 0;
    }

    /** @return the last index of {@code c} at or before {@code from}, or -1, as {@link String#lastIndexOf(int, int)} */
    public int lastIndexOf(char c, int from) {
        if (bytes == null) {
            return string.lastIndexOf(c, from);
        }
        if (c > 0x7f) {
            return -1;
        }
        for (int i = Math.min(from, length - 1); i >= 0; i--) {
            if (bytes[offset + i] == (byte) c) {
                return i;
            }
        }
        return -1;
    }

    /** @return the last index of {@code s} at or before {@code from}, or -1, as {@link String#lastIndexOf(String, int)} */
    public int lastIndexOf(String s, int from) {
        if (bytes == null) {
            return string.lastIndexOf(s, from);
        }
        for (int i = Math.min(from, length - s.length()); i >= 0; i--) {
            if (startsWith(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /** @return whether {@code prefix} occurs at {@code at}, as {@link String#startsWith(String, int)} */
    public boolean startsWith(String prefix, int at) {
        if (bytes == null) {
            return string.startsWith(prefix, at);
        }
        if (at < 0 || at > length - prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[offset + at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return whether {@code other} occurs at {@code at}, ignoring case, as
     *     {@link String#regionMatches(boolean, int, String, int, int)} for the whole of {@code other}
     */
    public boolean regionMatchesIgnoreCase(int at, String other) {
        if (bytes == null) {
            return string.regionMatches(true, at, other, 0, other.length());
        }
        if (at < 0 || at > length - other.length()) {
            return false;
        }
        for (int i = 0; i < other.length(); i++) {
            char a = charAt(at + i);
            char b = other.charAt(i);
            if (a != b && Character.toUpperCase(a) != Character.toUpperCase(b)
                    && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }
}

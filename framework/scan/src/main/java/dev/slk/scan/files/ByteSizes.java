package dev.slk.scan.files;

/** Byte counts as people read them, in binary units with one decimal. */
public final class ByteSizes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {
    }

    /** A size as shown: the text, the value it stands for, and whether that is the exact size. */
    private record Shown(String text, double bytes, boolean exact) {
    }

    /**
     * @param size a size over the limit
     * @param limit the limit
     * @return e.g. {@code 12.3 MiB is over the 5 MiB limit}
     */
    public static String over(long size, long limit) {
        Shown shownSize = show(size);
        Shown shownLimit = show(limit);
        if (shownSize.bytes() > shownLimit.bytes()) {
            return shownSize.text() + " is over the " + shownLimit.text() + " limit";
        }
        // Rounded, a size just over the limit would read as equal to it (or below).
        return size + " bytes is over the " + (shownLimit.exact() ? shownLimit.text() : limit + "-byte") + " limit";
    }

    private static Shown show(long bytes) {
        if (bytes < 1024) {
            return new Shown(bytes == 1 ? "1 byte" : bytes + " bytes", bytes, true);
        }
        int unit = 0;
        while (unit + 1 < UNITS.length && bytes >= 1L << (10 * (unit + 2))) {
            unit++;
        }
        long scale = 1L << (10 * (unit + 1));
        long whole = bytes / scale;
        long rest = bytes % scale;
        if (rest == 0) {
            return new Shown(whole + " " + UNITS[unit], bytes, true);
        }
        long tenths = whole * 10 + (rest * 10 + scale / 2) / scale;
        return new Shown(tenths / 10 + "." + tenths % 10 + " " + UNITS[unit], tenths * (double) scale / 10, false);
    }
}

package dev.slk.scan.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteSizesTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void showsOneDecimalInTheLargestWholeUnit() {
        assertEquals("12.3 MiB is over the 5 MiB limit", ByteSizes.over(12_897_485, 5 * MIB));
        assertEquals("2 GiB is over the 5 MiB limit", ByteSizes.over(2048 * MIB, 5 * MIB));
        assertEquals("1.5 KiB is over the 1000 bytes limit", ByteSizes.over(1536, 1000));
        assertEquals("2 bytes is over the 1 byte limit", ByteSizes.over(2, 1));
    }

    @Test
    void aSizeJustOverTheLimitIsShownExactly() {
        assertEquals("5242881 bytes is over the 5 MiB limit", ByteSizes.over(5 * MIB + 1, 5 * MIB));
        assertEquals("5300001 bytes is over the 5300000-byte limit", ByteSizes.over(5_300_001, 5_300_000));
    }
}

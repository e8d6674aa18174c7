package dev.slk.scan.report;

import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.OutputException;
import dev.slk.core.io.Ownership;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --output FILE}: the report replaces FILE only when FILE is absent, empty or an earlier
 * security-scan report (its JSON or SARIF names the tool at the start, its text ends with the
 * summary line), so {@code --output config.yaml} cannot destroy a user's file.
 */
public final class ReportOutput {
    private static final int PEEK = 4096;

    /** What an earlier report looks like. */
    public static final Ownership OWNERSHIP = Ownership.of("is not an slk security-scan report", ReportOutput::isReport);

    private ReportOutput() {
    }

    /**
     * @param file where the report goes
     * @param display the path as the user wrote it
     * @throws OutputException when slk may not write there
     */
    public static void check(Path file, String display) throws OutputException {
        AtomicWriter.checkFile(file, display, OWNERSHIP);
    }

    /**
     * @param file where the report goes
     * @param display the path as the user wrote it
     * @param rendered the report
     * @throws OutputException when slk may not write there or the write fails
     */
    public static void write(Path file, String display, String rendered) throws OutputException {
        AtomicWriter.writeFile(file, display, rendered, OWNERSHIP);
    }

    private static boolean isReport(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK);
        }
        if (new String(head, StandardCharsets.UTF_8).contains("\"slk security-scan\"")) {
            return true;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - 512);
            byte[] tail = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(tail);
            String last = new String(tail, StandardCharsets.UTF_8).strip();
            last = last.substring(last.lastIndexOf('\n') + 1);
            return last.contains(" at --fail-on ") && last.contains(" scanned in ");
        }
    }
}

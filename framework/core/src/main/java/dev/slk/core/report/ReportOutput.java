package dev.slk.core.report;

import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.OutputException;
import dev.slk.core.io.Ownership;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * {@code --output FILE} of every checking command, written with the one {@link AtomicWriter}. FILE
 * is replaced only when it is absent, empty or an earlier report of the same command: its JSON,
 * SARIF or JUnit XML names {@code slk <command>} near the start, its text ends with the command's
 * summary line. So {@code --output config.yaml} cannot destroy a user's file.
 */
public final class ReportOutput {
    private static final int PEEK = 4096;

    private final String command;
    private final Ownership ownership;

    /**
     * @param command the command, e.g. {@code validate-config}
     * @param summaryLine recognises the last line of the command's text report
     */
    public ReportOutput(String command, Predicate<String> summaryLine) {
        this.command = command;
        this.ownership = Ownership.of("is not an slk " + command + " report", file -> isReport(file, summaryLine));
    }

    /**
     * Checks the target before the run, so that a refusal costs nothing and writes nothing.
     *
     * @param file where the report goes
     * @param display the path as the user wrote it
     * @throws OutputException when slk may not write there
     */
    public void check(Path file, String display) throws OutputException {
        AtomicWriter.checkFile(file, display, ownership);
    }

    /**
     * @param file where the report goes
     * @param display the path as the user wrote it
     * @param rendered the report
     * @throws OutputException when slk may not write there or the write fails
     */
    public void write(Path file, String display, String rendered) throws OutputException {
        AtomicWriter.writeFile(file, display, rendered, ownership);
    }

    private boolean isReport(Path file, Predicate<String> summaryLine) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK);
        }
        if (new String(head, StandardCharsets.UTF_8).contains("\"slk " + command + "\"")) {
            return true;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - 512);
            byte[] tail = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(tail);
            String last = new String(tail, StandardCharsets.UTF_8).strip();
            return summaryLine.test(last.substring(last.lastIndexOf('\n') + 1));
        }
    }
}

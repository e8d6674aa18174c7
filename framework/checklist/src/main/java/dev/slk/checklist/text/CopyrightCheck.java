package dev.slk.checklist.text;

import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.core.findings.Finding;
import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.OutputException;
import dev.slk.core.io.Ownership;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Item 10: every file the rule covers ({@link FileKind}) has, within its first
 * {@value #HEAD_LINES} lines, a line with "Copyright" and the workspace's holder
 * ({@code copyright.holder} of slk-workspace.properties). With {@code fix}, a missing header is
 * added in the file's comment syntax through the one atomic writer, and only to a file that has
 * not changed since it was read.
 */
public final class CopyrightCheck implements Check {
    /** The header must be this close to the top. */
    static final int HEAD_LINES = 10;

    private final boolean fix;
    private final Clock clock;

    /**
     * @param fix whether to add missing headers
     * @param clock gives the year of an added header
     */
    public CopyrightCheck(boolean fix, Clock clock) {
        this.fix = fix;
        this.clock = clock;
    }

    @Override
    public Item item() {
        return Item.COPYRIGHT;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        int covered = 0;
        int fixed = 0;
        String line = "Copyright (c) " + LocalDate.now(clock).getYear() + " " + module.copyrightHolder();
        for (Path file : module.files()) {
            Optional<FileKind> kind = FileKind.of(file);
            Optional<String> text = kind.isPresent() ? TextFile.read(file) : Optional.empty();
            if (text.isEmpty()) {
                continue;
            }
            covered++;
            if (hasHeader(text.get(), module.copyrightHolder())) {
                continue;
            }
            Optional<String> headed = kind.get().withHeader(text.get(), line);
            if (fix && headed.isPresent()) {
                write(module, file, text.get(), headed.get());
                fixed++;
                continue;
            }
            findings.add(module.failure(item(), file, 1, 1, module.relative(file) + " does not start with a copyright"
                    + " line for " + module.copyrightHolder() + (headed.isPresent() ? ""
                            : " (--fix cannot add one to this file: add a top-level \"$comment\")")));
        }
        evidence.add("files covered " + covered + ", with a header " + (covered - findings.size() - fixed)
                + (fix ? ", headers added " + fixed : "") + "; holder '" + module.copyrightHolder() + "'");
        return new Measurement.Measured(evidence, findings);
    }

    static boolean hasHeader(String text, String holder) {
        String lowerHolder = holder.toLowerCase(Locale.ROOT);
        return Arrays.stream(text.split("\n", HEAD_LINES + 1)).limit(HEAD_LINES).map(l -> l.toLowerCase(Locale.ROOT))
                .anyMatch(l -> l.contains("copyright") && l.contains(lowerHolder));
    }

    private static void write(ModuleUnderCheck module, Path file, String read, String headed) throws IOException {
        // The file is the user's: it is replaced only as it was when the check read it.
        Ownership unchanged = Ownership.of("changed since slk read it",
                existing -> Files.readString(existing, StandardCharsets.UTF_8).equals(read));
        try {
            AtomicWriter.writeFile(file, module.relative(file), headed, unchanged);
        } catch (OutputException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}

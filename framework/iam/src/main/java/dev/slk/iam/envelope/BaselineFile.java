package dev.slk.iam.envelope;

import dev.slk.core.findings.SourceLocation;
import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.OutputException;
import dev.slk.core.yaml.UnreadableInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The access baseline one run of the iam-analyzer names ({@code --baseline FILE}): either compared
 * with, or, with {@code --update-baseline}, rewritten with the analysed modules' access.
 *
 * @param file the file, resolved
 * @param display the file as the user named it
 * @param update whether this run records the access instead of comparing with it
 */
public record BaselineFile(Path file, String display, boolean update) {

    /**
     * Checked before any analysis, so that a refusal costs nothing and writes nothing.
     *
     * @throws OutputException when this run updates the file and may not write it (a directory, a
     *     missing parent, a file that is not an slk access baseline)
     */
    public void checkWritable() throws OutputException {
        if (update) {
            AtomicWriter.checkFile(file, display, AccessBaseline.OWNERSHIP);
        }
    }

    /**
     * @return the access to compare with, or null when this run updates the file
     * @throws UnreadableInputException when the file is missing or is not an access baseline
     */
    public AccessBaseline accepted() throws UnreadableInputException {
        if (update) {
            return null;
        }
        if (!Files.exists(file)) {
            throw new UnreadableInputException(SourceLocation.ofFile(display), "no such file");
        }
        return read();
    }

    /**
     * Writes the modules' access, keeping the entries of modules this run did not analyse; an
     * absent or empty file starts an empty baseline.
     *
     * @param envelopes the analysed modules' access
     * @throws UnreadableInputException when the existing file is not an access baseline
     * @throws OutputException when the file cannot be written
     * @throws IOException when the existing file cannot be read
     */
    public void record(Map<String, List<Access>> envelopes) throws UnreadableInputException, IOException {
        AccessBaseline existing = Files.exists(file) && Files.size(file) > 0 ? read() : new AccessBaseline(Map.of());
        existing.with(envelopes).write(file, display);
    }

    private AccessBaseline read() throws UnreadableInputException {
        try {
            return AccessBaseline.read(file, display);
        } catch (IOException e) {
            // AccessBaseline.read names the file in its message already.
            String message = e.getMessage();
            String prefix = display + ": ";
            throw new UnreadableInputException(SourceLocation.ofFile(display),
                    message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }
}

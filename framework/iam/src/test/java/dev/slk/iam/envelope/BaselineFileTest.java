package dev.slk.iam.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.io.OutputException;
import dev.slk.core.yaml.UnreadableInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {
    private static final Access SEND = new Access("sqs:SendMessage", "<EventQueue.Arn>", "core", false);
    private static final Access READ = new Access("secretsmanager:GetSecretValue", "<Secret>", "module beta", false);

    @TempDir
    Path dir;

    private BaselineFile file(String name, boolean update) {
        return new BaselineFile(dir.resolve(name), name, update);
    }

    @Test
    void comparingWithAMissingBaselineIsUnusableInputNamingTheFile() {
        UnreadableInputException e = assertThrows(UnreadableInputException.class, () -> file("access.json", false).accepted());
        assertEquals("access.json: no such file", e.getMessage());
    }

    @Test
    void aFileThatIsNotABaselineIsUnusableInputWithOneLine() throws Exception {
        Files.writeString(dir.resolve("access.json"), "{not json");
        UnreadableInputException broken = assertThrows(UnreadableInputException.class,
                () -> file("access.json", false).accepted());
        assertEquals("access.json: it is not a readable access baseline (JSON)", broken.getMessage());

        Files.writeString(dir.resolve("other.json"), "{\"tool\": \"something else\", \"modules\": {}}");
        UnreadableInputException other = assertThrows(UnreadableInputException.class,
                () -> file("other.json", false).accepted());
        assertEquals("other.json: it is not an slk iam-analyzer access baseline", other.getMessage());
    }

    @Test
    void recordingStartsAnAbsentFileAndKeepsTheModulesThisRunDidNotAnalyse() throws Exception {
        BaselineFile update = file("access.json", true);
        update.checkWritable();
        update.record(Map.of("alpha", List.of(SEND), "beta", List.of(READ)));
        assertNull(update.accepted());

        update.record(Map.of("alpha", List.of()));

        AccessBaseline written = file("access.json", false).accepted();
        assertEquals(Optional.of(List.of()), written.of("alpha"));
        assertEquals(Optional.of(List.of(READ)), written.of("beta"));
    }

    @Test
    void anUpdateRefusesAFileSlkDidNotWriteBeforeAnyAnalysis() throws Exception {
        Files.writeString(dir.resolve("notes.json"), "{\"mine\": true}");
        OutputException e = assertThrows(OutputException.class, () -> file("notes.json", true).checkWritable());
        assertTrue(e.getMessage().startsWith("notes.json"), e.getMessage());
        assertEquals("{\"mine\": true}", Files.readString(dir.resolve("notes.json")));
        file("notes.json", false).checkWritable();
    }
}

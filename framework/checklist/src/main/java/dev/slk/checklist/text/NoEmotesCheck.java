package dev.slk.checklist.text;

import dev.slk.checklist.Check;
import dev.slk.checklist.Item;
import dev.slk.checklist.Measurement;
import dev.slk.checklist.ModuleUnderCheck;
import dev.slk.core.findings.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Item 9: no emoji and no text emoticons in any text file of the module (see {@link Emotes}). */
public final class NoEmotesCheck implements Check {
    @Override
    public Item item() {
        return Item.NO_EMOTES;
    }

    @Override
    public Measurement measure(ModuleUnderCheck module) throws IOException {
        List<Finding> findings = new ArrayList<>();
        int files = 0;
        for (Path file : module.files()) {
            Optional<String> text = TextFile.read(file);
            if (text.isEmpty()) {
                continue;
            }
            files++;
            boolean code = FileKind.of(file).map(FileKind::code).orElse(false);
            List<String> lines = text.get().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                for (Emotes.Hit hit : Emotes.find(lines.get(i), code)) {
                    findings.add(module.failure(item(), file, i + 1, hit.column(), (hit.emoji()
                            ? "emoji U+" + Integer.toHexString(hit.text().codePointAt(0)).toUpperCase(java.util.Locale.ROOT)
                            : "emoticon '" + hit.text() + "'") + " in " + module.relative(file)));
                }
            }
        }
        return new Measurement.Measured(List.of("text files read " + files + ", emotes found " + findings.size()),
                findings);
    }
}

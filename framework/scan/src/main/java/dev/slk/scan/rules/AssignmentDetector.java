package dev.slk.scan.rules;

import dev.slk.scan.files.ScanText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Finds the values of assignments whose key and value a rule accepts, minus placeholders. */
final class AssignmentDetector implements Detector {
    private final Predicate<String> key;
    private final Predicate<Assignment> value;

    /**
     * @param key accepts the key, e.g. {@link KeyNames#holdsSecret}
     * @param value accepts the assignment once its key is accepted
     */
    AssignmentDetector(Predicate<String> key, Predicate<Assignment> value) {
        this.key = key;
        this.value = value;
    }

    @Override
    public List<SecretMatch> find(ScanText text) {
        List<SecretMatch> found = new ArrayList<>();
        for (Assignment a : Assignment.in(text, key)) {
            if (!Placeholders.isPlaceholder(a.value()) && value.test(a)) {
                found.add(a.match());
            }
        }
        return found;
    }
}

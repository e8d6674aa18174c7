package dev.slk.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML document: its content as a JSON tree, where every key and value came from, and
 * the structural problems found while reading (duplicate keys, merge keys).
 *
 * @param file the file name as the user wrote it
 * @param root the content
 * @param keyLocations JSON pointer to the position of its key (or of the item, in a list)
 * @param valueLocations JSON pointer to the position of its value
 * @param problems duplicate keys and other structural errors
 * @param numbers JSON pointer to the text of a number as the file writes it ({@code 1e3},
 *     {@code 0x1F}, {@code 99999999999999999999}), so that messages repeat what the user wrote
 */
public record YamlDocument(
        String file,
        JsonNode root,
        Map<String, SourceLocation> keyLocations,
        Map<String, SourceLocation> valueLocations,
        List<Finding> problems,
        Map<String, String> numbers) {

    /** Makes the maps and list immutable. */
    public YamlDocument {
        numbers = Map.copyOf(numbers);
        keyLocations = Map.copyOf(keyLocations);
        valueLocations = Map.copyOf(valueLocations);
        problems = List.copyOf(problems);
    }

    /**
     * Where the key at {@code pointer} is written; for a pointer that is not in the file (a
     * missing key, a default), the nearest ancestor that is.
     *
     * @param pointer JSON pointer
     * @return the location; the file's first line when nothing closer is known
     */
    public SourceLocation keyLocation(String pointer) {
        return nearest(keyLocations, pointer);
    }

    /**
     * Where the value at {@code pointer} is written, or the nearest ancestor's.
     *
     * @param pointer JSON pointer
     * @return the location
     */
    public SourceLocation valueLocation(String pointer) {
        return nearest(valueLocations, pointer);
    }

    /**
     * @param pointer JSON pointer of a number in the file
     * @return the number as written, or empty when the file holds no number there
     */
    public java.util.Optional<String> writtenNumber(String pointer) {
        return java.util.Optional.ofNullable(numbers.get(pointer));
    }

    /** @return true when the file itself contains this pointer */
    public boolean contains(String pointer) {
        return valueLocations.containsKey(pointer);
    }

    private SourceLocation nearest(Map<String, SourceLocation> locations, String pointer) {
        String p = pointer;
        while (true) {
            SourceLocation found = locations.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new SourceLocation(file, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}

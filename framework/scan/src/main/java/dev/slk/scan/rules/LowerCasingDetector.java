package dev.slk.scan.rules;

import java.util.List;
import java.util.Locale;

/** A detector that needs the lower-cased text; called with the text alone, it lower-cases it. */
@FunctionalInterface
interface LowerCasingDetector extends Detector {
    @Override
    default List<SecretMatch> find(String text) {
        return find(text, text.toLowerCase(Locale.ROOT));
    }

    @Override
    List<SecretMatch> find(String text, String lowerCase);
}

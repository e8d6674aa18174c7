package dev.slk.lambda.customsource;

import java.util.List;
import java.util.TreeSet;

/** One custom log source as the template declares it. */
record SourceSpec(String sourceName, String sourceVersion, List<String> eventClasses) {
    SourceSpec {
        eventClasses = List.copyOf(eventClasses);
    }

    SourceKey key() {
        return new SourceKey(sourceName, sourceVersion);
    }

    /** Same source with the same creation settings; event class order carries no meaning. */
    boolean sameDefinitionAs(SourceSpec other) {
        return key().equals(other.key())
                && new TreeSet<>(eventClasses).equals(new TreeSet<>(other.eventClasses));
    }
}

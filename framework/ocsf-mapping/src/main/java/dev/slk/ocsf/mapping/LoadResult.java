package dev.slk.ocsf.mapping;

import java.util.List;

/** What loading mapping files gave: usable mappings, or every problem found. */
public sealed interface LoadResult {
    /**
     * The files were valid.
     *
     * @param mappings the mappings, in file order
     */
    record Loaded(List<Mapping> mappings) implements LoadResult {
        public Loaded {
            mappings = List.copyOf(mappings);
        }
    }

    /**
     * At least one file was invalid; nothing from the load is usable.
     *
     * @param problems every problem found, in file order
     */
    record Invalid(List<Problem> problems) implements LoadResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}

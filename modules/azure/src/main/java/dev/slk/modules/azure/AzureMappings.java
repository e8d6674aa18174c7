/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import java.util.List;

/** The module's OCSF mapping files, in {@code mappings/} next to the module class. */
final class AzureMappings {
    /** The documented fallback, tried after every other file: it takes any record the others do not. */
    static final String FALLBACK = "unrecognised.yaml";
    /** The files, in the order the transformer tries them (by file name), the fallback last. */
    static final List<String> FILES = List.of("defender-alert-export.yaml", "defender-posture.yaml",
            "entra-and-activity.yaml", "storage.yaml", "syslog.yaml", FALLBACK);

    private AzureMappings() {
    }
}

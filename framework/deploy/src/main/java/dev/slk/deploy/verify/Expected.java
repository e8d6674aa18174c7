package dev.slk.deploy.verify;

import dev.slk.assembly.CloudAssembly;
import dev.slk.core.findings.Location;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What {@code slk verify} expects to find, and where each expectation is written, so that a check that
 * fails points at it.
 *
 * @param assembly the assembly that was deployed
 * @param stack the stack
 * @param displayFile a template file of the assembly (relative to it) as the user sees it
 * @param secrets the Secrets Manager secrets the configuration names
 * @param lakeBucket the Security Lake bucket, or null when the configuration names none
 */
public record Expected(CloudAssembly assembly, String stack, UnaryOperator<String> displayFile, List<Named> secrets,
        Named lakeBucket) {

    /** Copies the list. */
    public Expected {
        Objects.requireNonNull(assembly, "assembly");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(displayFile, "displayFile");
        secrets = List.copyOf(secrets);
    }

    /**
     * Something the configuration names.
     *
     * @param name the name, e.g. a secret's
     * @param location where the configuration names it
     */
    public record Named(String name, Location location) {
        /** Checks the invariants. */
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(location, "location");
        }
    }
}

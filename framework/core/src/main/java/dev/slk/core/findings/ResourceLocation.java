package dev.slk.core.findings;

import java.util.Objects;

/**
 * A resource of a synthesized CloudFormation template.
 *
 * @param source the place in the template file
 * @param stack the stack name
 * @param logicalId the resource's logical id
 * @param constructPath the CDK construct path that made it, "" when unknown
 */
public record ResourceLocation(SourceLocation source, String stack, String logicalId, String constructPath)
        implements Location {

    /** Checks the invariants. */
    public ResourceLocation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(logicalId, "logicalId");
        constructPath = constructPath == null ? "" : constructPath;
    }

    @Override
    public String file() {
        return source.file();
    }

    @Override
    public int line() {
        return source.line();
    }

    @Override
    public int column() {
        return source.column();
    }

    /** @return {@code file:line:column}, as for a source location */
    @Override
    public String toString() {
        return source.toString();
    }
}

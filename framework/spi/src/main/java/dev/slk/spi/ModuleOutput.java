package dev.slk.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value a module publishes as a stack output.
 *
 * @param name output name, letters and digits only (CloudFormation's rule); slk prefixes it with
 *     the module id, so it need only be unique within the module
 * @param value the value; may be a CDK token such as a function ARN
 * @param description what the value is, shown in the CloudFormation console
 */
public record ModuleOutput(String name, String value, String description) {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9]{1,200}$");

    /**
     * Checks the invariants.
     *
     * @param name output name, letters and digits only (CloudFormation's rule); slk prefixes it with the module id, so it need only be unique within the module
     * @param value the value; may be a CDK token such as a function ARN
     * @param description what the value is, shown in the CloudFormation console
     */
    public ModuleOutput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "output name '" + name + "' is invalid: CloudFormation allows only letters and digits");
        }
        description = description == null ? "" : description;
    }
}

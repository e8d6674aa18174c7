package dev.slk.assembly;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who made a resource, read from its construct path. slk creates each module's resources under the
 * scope {@code <stack>/modules/<moduleId>}; the CDK creates its own helpers (log retention, custom
 * resource providers, bucket notifications) as stack-level singletons whose ids end in a 32-digit hex
 * id or start with {@code Custom::}; everything else is the core stack's.
 */
public sealed interface Owner {
    /** The core stack's resources. */
    Owner CORE = new Core();
    /** Resources the CDK adds by itself. */
    Owner CDK_FRAMEWORK = new CdkFramework();
    /** Resources without a construct path (a template slk did not synthesize). */
    Owner UNATTRIBUTED = new Unattributed();

    /**
     * An integration module.
     *
     * @param id the module id
     */
    record Module(String id) implements Owner {
    }

    /** The core stack. */
    record Core() implements Owner {
    }

    /** The CDK framework's own helpers. */
    record CdkFramework() implements Owner {
    }

    /** Unknown: the resource records no construct path. */
    record Unattributed() implements Owner {
    }

    /** @return the module id when a module owns the resource */
    default Optional<String> moduleId() {
        return this instanceof Module module ? Optional.of(module.id()) : Optional.empty();
    }

    /**
     * @param constructPath the resource's construct path ({@code aws:cdk:path}), or "" when it has none
     * @return its owner
     */
    static Owner of(String constructPath) {
        if (constructPath == null || constructPath.isEmpty()) {
            return UNATTRIBUTED;
        }
        String[] segments = constructPath.split("/");
        // Segment 0 is the stack, which is not a scope a module can own.
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals(Paths.MODULES_SCOPE) && i + 1 < segments.length && !segments[i + 1].isEmpty()) {
                return new Module(segments[i + 1]);
            }
            if (segments[i].startsWith(Paths.MODULE_PREFIX) && segments[i].length() > Paths.MODULE_PREFIX.length()) {
                return new Module(segments[i].substring(Paths.MODULE_PREFIX.length()));
            }
        }
        for (int i = 1; i < segments.length; i++) {
            if (Paths.CDK_SINGLETON.matcher(segments[i]).matches()) {
                return CDK_FRAMEWORK;
            }
        }
        return CORE;
    }

    /** The construct-path conventions {@link #of} reads. */
    final class Paths {
        static final String MODULES_SCOPE = "modules";
        /** An older convention, still accepted. */
        static final String MODULE_PREFIX = "Module-";
        static final Pattern CDK_SINGLETON = Pattern.compile("Custom::.*|CDKMetadata|.*[0-9a-f]{32}");

        private Paths() {
        }
    }
}

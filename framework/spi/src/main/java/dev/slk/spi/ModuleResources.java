package dev.slk.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.IConstruct;

/**
 * What a module's {@link IntegrationModule#createResources} built, handed by the framework to
 * the hooks that run after it, so that a module needs no fields set by one hook and read by
 * another.
 *
 * <p>Functions are registered by name: a {@link PermissionStatement} names the function that
 * needs it ({@link PermissionStatement#on(String)}), and the framework attaches it to that
 * function's role only. Other constructs the later hooks refer to (a dead-letter queue for a
 * health check, a log group for a statement) are registered as resources.
 *
 * <pre>{@code
 * return ModuleResources.builder()
 *         .function("EventProcessor", function)
 *         .resource("EventProcessorDlq", deadLetterQueue)
 *         .build();
 * }</pre>
 */
public final class ModuleResources {
    private static final ModuleResources NONE = new Builder().build();

    private final Map<String, IFunction> functions;
    private final Map<String, IConstruct> resources;

    private ModuleResources(Builder builder) {
        this.functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.functions));
        this.resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.resources));
    }

    /** @return the value of a module that built nothing, for example because its config disables it */
    public static ModuleResources none() {
        return NONE;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the functions by name, in the order they were added */
    public Map<String, IFunction> functions() {
        return functions;
    }

    /**
     * @param name the name the function was added under
     * @return the function
     * @throws IllegalArgumentException when no function has that name
     */
    public IFunction function(String name) {
        IFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("createResources returned no function named '" + name + "'"
                    + (functions.isEmpty() ? "" : "; it returned " + String.join(", ", functions.keySet())));
        }
        return function;
    }

    /**
     * @param name the name the resource was added under
     * @param type its type, for example {@code Queue.class}
     * @param <T> its type
     * @return the resource
     * @throws IllegalArgumentException when none has that name and type
     */
    public <T> T resource(String name, Class<T> type) {
        IConstruct resource = resources.get(name);
        if (!type.isInstance(resource)) {
            throw new IllegalArgumentException("createResources returned no " + type.getSimpleName() + " named '"
                    + name + "'");
        }
        return type.cast(resource);
    }

    /** @return whether nothing was built */
    public boolean isEmpty() {
        return functions.isEmpty() && resources.isEmpty();
    }

    /** Collects what createResources built. */
    public static final class Builder {
        private final Map<String, IFunction> functions = new LinkedHashMap<>();
        private final Map<String, IConstruct> resources = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param name the name statements use to target this function, unique within the module
         * @param function the function; its role receives the statements that name it
         * @return this builder
         */
        public Builder function(String name, IFunction function) {
            put(functions, name, function);
            return this;
        }

        /**
         * @param name a name unique within the module's resources
         * @param resource any construct the later hooks refer to
         * @return this builder
         */
        public Builder resource(String name, IConstruct resource) {
            put(resources, name, resource);
            return this;
        }

        /** @return what was collected */
        public ModuleResources build() {
            return new ModuleResources(this);
        }

        private static <T> void put(Map<String, T> map, String name, T value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, name);
            if (map.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("'" + name + "' is added twice");
            }
        }
    }
}

package dev.slk.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link IntegrationModule#validateConfig} found: zero or more problems, each an error or a
 * warning. Errors make the configuration invalid; warnings do not (unless the user asks for
 * {@code --strict}). slk reports them as findings of rule {@code module.<id>} on its one severity
 * scale: an error as {@code high}, a warning as {@code medium}.
 *
 * @param problems the problems, in the order found
 */
public record ValidationResult(List<Problem> problems) {

    /**
     * One problem in a module's configuration.
     *
     * @param error true when the configuration cannot be deployed as it is; false for a warning (it
     *     works but is probably not what the user wants)
     * @param pointer JSON pointer relative to the module's {@code config} block (for example
     *     {@code /eventProcessor/schedule}); empty for the block itself. slk turns it into the
     *     file, line and column of the key.
     * @param message what is wrong, in words a person understands
     * @param hint how to fix it, or null
     */
    public record Problem(boolean error, String pointer, String message, String hint) {
        /**
         * Checks the invariants.
         *
         * @param error true for an error, false for a warning
         * @param pointer JSON pointer relative to the module's {@code config} block (for example
         *     {@code /eventProcessor/schedule}); empty for the block itself
         * @param message what is wrong, in words a person understands
         * @param hint how to fix it, or null
         */
        public Problem {
            Objects.requireNonNull(message, "message");
            pointer = pointer == null ? "" : pointer;
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new IllegalArgumentException("a JSON pointer starts with '/': " + pointer);
            }
        }
    }

    /**
     * Copies the list so the result cannot change after it is returned.
     *
     * @param problems the problems, in the order found
     */
    public ValidationResult {
        problems = List.copyOf(problems);
    }

    /** @return a result with no problems */
    public static ValidationResult ok() {
        return new ValidationResult(List.of());
    }

    /** @return a builder that collects problems */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true when there is no error (warnings are allowed) */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** @return the errors */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::error).toList();
    }

    /** @return the warnings */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.error()).toList();
    }

    /** Collects problems; not thread-safe. */
    public static final class Builder {
        private final List<Problem> problems = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds an error.
         *
         * @param pointer JSON pointer in the module config, or "" for the whole block
         * @param message what is wrong
         * @return this builder
         */
        public Builder error(String pointer, String message) {
            return error(pointer, message, null);
        }

        /**
         * Adds an error with a hint.
         *
         * @param pointer JSON pointer in the module config, or "" for the whole block
         * @param message what is wrong
         * @param hint how to fix it
         * @return this builder
         */
        public Builder error(String pointer, String message, String hint) {
            problems.add(new Problem(true, pointer, message, hint));
            return this;
        }

        /**
         * Adds a warning.
         *
         * @param pointer JSON pointer in the module config, or "" for the whole block
         * @param message what is probably wrong
         * @return this builder
         */
        public Builder warning(String pointer, String message) {
            return warning(pointer, message, null);
        }

        /**
         * Adds a warning with a hint.
         *
         * @param pointer JSON pointer in the module config, or "" for the whole block
         * @param message what is probably wrong
         * @param hint how to fix it
         * @return this builder
         */
        public Builder warning(String pointer, String message, String hint) {
            problems.add(new Problem(false, pointer, message, hint));
            return this;
        }

        /** @return the result holding every problem added so far */
        public ValidationResult build() {
            return new ValidationResult(problems);
        }
    }
}

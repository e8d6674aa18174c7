package dev.slk.deploy;

import java.util.Optional;

/**
 * Whether {@code slk destroy} may delete the stack: in prod only when the stack's name is typed
 * (on the terminal, or given with {@code --confirm-stack}); elsewhere on {@code --yes} or a yes
 * on the terminal. Without a terminal and without those options it refuses.
 */
public final class DestroyConfirmation {
    private DestroyConfirmation() {
    }

    /** Reads one line a person types, after a prompt. */
    @FunctionalInterface
    public interface Terminal {
        /**
         * @param prompt what to ask
         * @return the line typed, or null at end of input
         */
        String readLine(String prompt);
    }

    /**
     * @param production whether the environment is prod
     * @param environment its name
     * @param stack the stack to delete
     * @param yes {@code --yes} (not enough in prod)
     * @param confirmStack the name given with {@code --confirm-stack}, or null
     * @param terminal the terminal, or null when there is none
     * @return empty when it may go on, else why not, in one line
     */
    public static Optional<String> refusal(boolean production, String environment, String stack, boolean yes,
            String confirmStack, Terminal terminal) {
        if (confirmStack != null) {
            return confirmStack.equals(stack) ? Optional.empty()
                    : Optional.of("--confirm-stack " + confirmStack + " is not the stack's name (" + stack
                            + "); nothing was destroyed");
        }
        if (production) {
            if (terminal == null) {
                return Optional.of("destroying " + stack + " in prod asks for its name to be typed and there is no "
                        + "terminal to ask on; nothing was destroyed (--confirm-stack " + stack + " types it)");
            }
            String typed = terminal.readLine("Type the stack's name (" + stack + ") to destroy it: ");
            return typed != null && typed.strip().equals(stack) ? Optional.empty()
                    : Optional.of("the name typed is not " + stack + "; nothing was destroyed");
        }
        if (yes) {
            return Optional.empty();
        }
        if (terminal == null) {
            return Optional.of("destroying " + stack + " in " + environment + " asks for approval and there is no "
                    + "terminal to ask on; nothing was destroyed (run again with --yes to approve)");
        }
        String answer = terminal.readLine("Destroy " + stack + " in " + environment + "? [y/N] ");
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))
                ? Optional.empty() : Optional.of("not approved; nothing was destroyed");
    }
}

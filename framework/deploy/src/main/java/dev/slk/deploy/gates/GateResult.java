package dev.slk.deploy.gates;

/** How one gate ended. */
public sealed interface GateResult {
    /** @return the gate's name */
    String gate();

    /** @return one line with the gate's figures */
    String summary();

    /** @return whether the deployment may go on */
    boolean allowsDeploy();

    /**
     * @param gate the gate
     * @param summary its figures
     * @param millis how long it took
     */
    record Passed(String gate, String summary, long millis) implements GateResult {
        @Override
        public boolean allowsDeploy() {
            return true;
        }
    }

    /**
     * @param gate the gate
     * @param summary its figures and what failed
     * @param millis how long it took
     */
    record Failed(String gate, String summary, long millis) implements GateResult {
        @Override
        public boolean allowsDeploy() {
            return false;
        }
    }

    /**
     * Skipped with {@code --skip-gate NAME --reason TEXT} (dev and staging only); recorded.
     *
     * @param gate the gate
     * @param reason the reason given
     */
    record Skipped(String gate, String reason) implements GateResult {
        @Override
        public String summary() {
            return "skipped: " + reason;
        }

        @Override
        public boolean allowsDeploy() {
            return true;
        }
    }
}

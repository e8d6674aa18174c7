package dev.slk.deploy.gates;

import java.io.IOException;

/**
 * One check a deployment must pass before anything changes: a checking command of slk, run
 * in-process. Gates run in the order {@link Gates#standard()} lists them; the first that fails
 * stops the deployment.
 */
public interface Gate {
    /** @return the name {@code --skip-gate} takes, e.g. {@code validate-config} */
    String name();

    /**
     * @return whether the gate checks the cloud assembly; the gates before the first that does run
     *     before synthesis, so that a failing one costs no synth
     */
    default boolean readsAssembly() {
        return false;
    }

    /**
     * @param context what the gate checks
     * @return passed or failed, with a one-line summary holding its figures
     * @throws IOException when its inputs cannot be read
     */
    GateResult run(GateContext context) throws IOException;
}

package dev.slk.deploy.gates;

import dev.slk.core.waivers.WaiverLedger;
import dev.slk.core.waivers.WaiverLedgerException;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.scan.SecretScanner;
import java.time.Clock;

/** The workspace's waiver ledger as every checking command reads it, for the gates that judge findings with it. */
final class Ledger {
    private Ledger() {
    }

    /**
     * @param context what the gate checks
     * @return the ledger (empty when the workspace has none)
     * @throws UnusableLedger when it cannot be read or is invalid; the gate then fails with its message
     */
    static WaiverLedger read(GateContext context) throws UnusableLedger {
        try {
            return WaiverLedger.read(context.paths(), SecretScanner.secretCheck(), Clock.systemUTC());
        } catch (WaiverLedgerException | UnreadableInputException e) {
            throw new UnusableLedger("the waiver ledger cannot be read: " + e.getMessage());
        }
    }

    /** The ledger stops the gate: a deployment never goes on with waivers nobody can read. */
    static final class UnusableLedger extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableLedger(String message) {
            super(message);
        }
    }
}

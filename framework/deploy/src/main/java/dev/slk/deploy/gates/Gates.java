package dev.slk.deploy.gates;

import java.util.List;

/** The gates of a deployment, in the order they run. */
public final class Gates {
    private Gates() {
    }

    /**
     * validate-config, the checklist of every enabled module, security-scan, iam-analyzer (with each
     * module's kept access baseline). The deployer runs the first before synthesis and the others on
     * the assembly it synthesized or reused.
     *
     * @return the gates, in order
     */
    public static List<Gate> standard() {
        return List.of(new ValidateConfigGate(), new ChecklistGate(), new SecurityScanGate(), new IamAnalyzerGate());
    }
}

package dev.slk.deploy.gates;

import java.util.List;

/** The gates of a deployment, in the order they run. */
public final class Gates {
    private Gates() {
    }

    /**
     * validate-config and security-scan. The checklist of every enabled module and iam-analyzer
     * (with each module's baseline) belong here too, checklist before security-scan and
     * iam-analyzer after it, once those commands exist in the framework.
     *
     * @return the gates, in order
     */
    public static List<Gate> standard() {
        return List.of(new ValidateConfigGate(), new SecurityScanGate());
    }
}

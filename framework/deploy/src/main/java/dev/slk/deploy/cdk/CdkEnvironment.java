package dev.slk.deploy.cdk;

import java.util.Map;

/**
 * The environment slk gives the CDK CLI: telemetry off, node's and jsii's banners quiet, and no
 * variable the CLI would misread as an option.
 */
public final class CdkEnvironment {
    private CdkEnvironment() {
    }

    /**
     * @param environment a child process's environment, changed in place
     */
    public static void apply(Map<String, String> environment) {
        // The CLI reads CDK_<OPTION> variables as options; "CDK" alone becomes "--" and "CDKCLI"
        // becomes "--cli", which break every command. Such names are never meant for it.
        environment.keySet().removeIf(name -> name.startsWith("CDK") && !name.startsWith("CDK_"));
        environment.put("CDK_DISABLE_CLI_TELEMETRY", "true");
        environment.putIfAbsent("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "14,16,18,20");
        // The AWS SDK for JavaScript warns on every run that node 20 loses support in 2027.
        environment.put("NODE_NO_WARNINGS", "1");
    }
}

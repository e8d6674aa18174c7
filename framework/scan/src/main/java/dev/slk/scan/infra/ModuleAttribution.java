package dev.slk.scan.infra;

/**
 * Finds the module that owns a resource from the construct path CDK records in its Metadata
 * ({@code aws:cdk:path}, "&lt;Stack&gt;/&lt;construct path&gt;"). The framework creates each
 * module's resources under a scope {@code modules/<moduleId>}, so the segment after "modules" is
 * the module id; a scope named {@code Module-<moduleId>} is accepted too.
 */
final class ModuleAttribution {
    private static final String MODULES_SCOPE = "modules";
    private static final String MODULE_PREFIX = "Module-";

    private ModuleAttribution() {
    }

    /**
     * @param cdkPath the construct path, or "" when the resource has none
     * @return the module id, or null for core resources and resources without a path
     */
    static String moduleOf(String cdkPath) {
        String[] segments = cdkPath.split("/");
        // Segment 0 is the stack name, which is not a scope a module can own.
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals(MODULES_SCOPE) && i + 1 < segments.length && !segments[i + 1].isEmpty()) {
                return segments[i + 1];
            }
            if (segments[i].startsWith(MODULE_PREFIX) && segments[i].length() > MODULE_PREFIX.length()) {
                return segments[i].substring(MODULE_PREFIX.length());
            }
        }
        return null;
    }
}

package dev.slk.scaffold;

import java.nio.file.Path;

/**
 * What {@code slk new-module} was asked to generate.
 *
 * @param id the module id, e.g. {@code okta-logs}
 * @param name display name, or null for one derived from the id ({@code Okta Logs})
 * @param description one sentence, or null for a default naming the module
 * @param dir directory (relative to the workspace root) whose pom lists the modules, or null for
 *     the workspace's {@code modules.dir}
 * @param runtime the template tree of the module's Lambda runtime, e.g. {@code java21}
 * @param templates a directory laid over the built-in templates, or null
 * @param copyrightHolder holder named in the copyright headers, or null for the workspace's
 *     {@code copyright.holder}
 * @param force overwrite the files of an existing module directory
 */
public record NewModuleRequest(
        String id, String name, String description, String dir, String runtime, Path templates,
        String copyrightHolder, boolean force) {
}

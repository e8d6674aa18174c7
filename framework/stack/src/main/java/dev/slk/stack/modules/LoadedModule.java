package dev.slk.stack.modules;

import java.util.List;

/**
 * What synthesis did with one enabled module.
 *
 * @param id module id
 * @param name module name
 * @param version module version
 * @param roles construct paths of the IAM roles the module created
 * @param statements Sids of the required-permission statements the framework attached
 * @param outputs ids of the stack outputs the module published
 * @param alarms names of the alarms made from its health checks
 */
public record LoadedModule(String id, String name, String version, List<String> roles, List<String> statements,
        List<String> outputs, List<String> alarms) {

    /** Copies the lists. */
    public LoadedModule {
        roles = List.copyOf(roles);
        statements = List.copyOf(statements);
        outputs = List.copyOf(outputs);
        alarms = List.copyOf(alarms);
    }
}

package dev.slk.core.waivers;

import dev.slk.core.findings.Finding;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * SPI: the rules a checking command answers for in the waiver ledger. Each checking command with
 * a fixed catalogue of rules (security-scan, iam-analyzer, checklist) registers one in
 * {@code META-INF/services/dev.slk.core.waivers.CommandRules}; validate-config, whose rules come
 * from the modules' own validation too, answers for every waiver no registered command claims
 * ({@link WaiverLedger.Scope#unclaimed}). So no command keeps a list of the others' rules.
 */
public interface CommandRules {
    /** @return the command's name, e.g. {@code security-scan} */
    String command();

    /** @return the ids of every rule the command can report */
    Collection<String> ruleIds();

    /**
     * Runs the command over everything it checks, as {@code slk waivers} needs to learn what each
     * waiver of its rules matches. Reads what is there (the cloud assembly as it is), writes nothing.
     *
     * @param input the workspace, its modules and the chosen configuration
     * @return the findings of the command's rules, not yet judged by the ledger
     * @throws IOException when the workspace cannot be read
     */
    List<Finding> completeRun(WaiverAudit.Input input) throws IOException;

    /** @return the registered commands' rules, found on the class path of slk's own classes */
    static List<CommandRules> installed() {
        return ServiceLoader.load(CommandRules.class, CommandRules.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    /** @return the rule ids every registered command claims, sorted */
    static Set<String> claimed() {
        Set<String> ids = new TreeSet<>();
        installed().forEach(c -> ids.addAll(c.ruleIds()));
        return ids;
    }
}

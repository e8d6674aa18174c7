package dev.slk.core.waivers;

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

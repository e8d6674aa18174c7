package dev.slk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.config.IntegrationStates;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.registry.RegisteredModule;
import dev.slk.core.workspace.WorkspaceModules;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk list-modules}: the installed modules and whether the config enables them. */
@Command(name = "list-modules",
        mixinStandardHelpOptions = true,
        description = {
            "List the installed integration modules: id, version, description, the jar they come from, "
                    + "and whether the chosen configuration enables them. Integrations the configuration names "
                    + "but no installed module provides are listed as 'not installed'."
        },
        footer = {"", "Exit codes: 0 ok, 2 unreadable configuration, broken module or usage error, "
                + "3 internal error."})
final class ListModulesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    ListModulesCommand(CliContext cli) {
        this.cli = cli;
    }

    /** One line of the listing. */
    record Row(String id, String version, String state, String description, String source) {
    }

    @Override
    public Integer call() throws UnreadableInputException, JsonProcessingException {
        ConfigSource source = configOptions.select(cli);
        ModuleRegistry registry = Modules.usable(cli);
        Map<String, Boolean> integrations = IntegrationStates.read(ConfigReader.read(source));
        List<Row> rows = rows(registry, integrations);
        if (format == OutputFormat.json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("config", source.displayName());
            ArrayNode modules = root.putArray("modules");
            for (Row row : rows) {
                modules.addObject().put("id", row.id()).put("version", row.version()).put("state", row.state())
                        .put("description", row.description()).put("source", row.source());
            }
            cli.out().println(JSON.writeValueAsString(root));
        } else if (rows.isEmpty()) {
            cli.out().println("No integration modules are installed, and " + source.displayName()
                    + " names none.");
        } else {
            cli.out().print(table(rows));
        }
        cli.paths().workspace().ifPresent(workspace -> {
            for (java.nio.file.Path dir : WorkspaceModules.scan(workspace).notBuilt()) {
                String relative = workspace.root().relativize(dir).toString().replace('\\', '/');
                cli.note(relative + " has a module that is not built yet, so it is not listed; "
                        + "build it with: mvn -B -ntp package -pl " + relative + " -am");
            }
        });
        return ExitCodes.OK;
    }

    private static List<Row> rows(ModuleRegistry registry, Map<String, Boolean> integrations) {
        List<Row> rows = new ArrayList<>();
        for (RegisteredModule m : registry.modules()) {
            Boolean enabled = integrations.get(m.id());
            String state = enabled == null ? "not configured" : enabled ? "enabled" : "disabled";
            rows.add(new Row(m.id(), m.module().moduleVersion(), state, m.module().moduleDescription(), m.source()));
        }
        integrations.keySet().forEach(id -> {
            if (registry.find(id).isEmpty()) {
                rows.add(new Row(id, "-", "not installed", "named in the configuration; no module has this id", "-"));
            }
        });
        return rows;
    }

    private static String table(List<Row> rows) {
        String[] headers = {"ID", "VERSION", "STATE", "DESCRIPTION", "SOURCE"};
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
        }
        for (Row r : rows) {
            String[] cells = cells(r);
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        for (Row r : rows) {
            line(out, cells(r), widths);
        }
        return out.toString();
    }

    private static String[] cells(Row r) {
        return new String[] {r.id(), r.version(), r.state(), r.description(), r.source()};
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            out.append(i == cells.length - 1 ? cells[i] : String.format("%-" + widths[i] + "s  ", cells[i]));
        }
        out.append('\n');
    }
}

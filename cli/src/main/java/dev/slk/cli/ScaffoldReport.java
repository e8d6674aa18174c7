package dev.slk.cli;

import dev.slk.scaffold.ScaffoldPlan;
import java.util.Locale;

/** What new-module prints: the files of a plan and, once written, the next steps. */
final class ScaffoldReport {
    private ScaffoldReport() {
    }

    static String dryRun(ScaffoldPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Would write ").append(plan.files().size()).append(" files (").append(size(plan.totalBytes()))
                .append(") to ").append(plan.moduleDir()).append("/:\n");
        files(plan, out);
        plan.pom().ifPresent(pom -> out.append("Would add to ").append(pom.path()).append(": ")
                .append(String.join(", ", pom.added())).append('\n'));
        out.append("Nothing was written (--dry-run).\n");
        return out.toString();
    }

    static String created(ScaffoldPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Created module ").append(plan.names().id()).append(": ")
                .append(plan.files().size()).append(" files (").append(size(plan.totalBytes())).append(") in ")
                .append(plan.moduleDir()).append("/:\n");
        files(plan, out);
        plan.pom().ifPresent(pom -> out.append("Added to ").append(pom.path()).append(": ")
                .append(String.join(", ", pom.added())).append('\n'));
        ScaffoldPlan.NextSteps next = plan.nextSteps();
        out.append("\nNext steps:\n");
        int step = 1;
        if (next.buildCommand() != null) {
            out.append(step++).append(". Build and test it (from the workspace root); afterwards slk list-modules shows it:\n")
                    .append("     ").append(next.buildCommand()).append('\n');
        }
        if (next.configExample() != null) {
            out.append(step++).append(". Enable it in config.yaml (").append(next.configExamplePath())
                    .append(" has the block), then run slk validate-config:\n");
            next.configExample().lines().forEach(line -> out.append("     ").append(line).append('\n'));
        }
        out.append(step++).append(". Create its secret in the stack's account and region (type the API key when asked):\n")
                .append("     read -rs API_KEY\n")
                .append("     aws secretsmanager create-secret --name ").append(next.secretName())
                .append(" --secret-string \"{\\\"apiKey\\\":\\\"$API_KEY\\\"}\"\n");
        out.append(step).append(". Adapt the source client to the real API: ").append(plan.moduleDir())
                .append("/README.md, section 'Data source'.\n");
        return out.toString();
    }

    private static void files(ScaffoldPlan plan, StringBuilder out) {
        int prefix = plan.moduleDir().length() + 1;
        int width = plan.files().stream().mapToInt(f -> f.path().length() - prefix).max().orElse(0);
        for (ScaffoldPlan.PlannedFile file : plan.files()) {
            out.append("  ").append(String.format(Locale.ROOT, "%-" + width + "s  %,7d bytes",
                    file.path().substring(prefix), file.content().length))
                    .append(file.overwrites() ? "  (overwrites)" : "").append('\n');
        }
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}

package dev.slk.iam;

import dev.slk.assembly.AssemblyProblem;
import dev.slk.assembly.CloudAssembly;
import dev.slk.assembly.Owner;
import dev.slk.assembly.StackTemplate;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.iam.template.TemplateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The templates an analysis reads, and how their files are shown.
 *
 * @param stacks the templates
 * @param displayFile a template's file as the model records it, to the path reports show
 * @param description what was read, for the report's facts
 */
public record IamSources(List<StackTemplate> stacks, Function<String, String> displayFile, String description) {
    /** Copies the list. */
    public IamSources {
        stacks = List.copyOf(stacks);
    }

    /**
     * @param directory a cloud assembly
     * @param display the directory as reports show it (e.g. {@code cdk.out})
     * @return its templates
     * @throws UnreadableInputException at the first template that cannot be read, or when it holds none
     */
    public static IamSources assembly(Path directory, String display) throws UnreadableInputException {
        CloudAssembly assembly = CloudAssembly.read(directory);
        for (AssemblyProblem p : assembly.problems()) {
            throw new UnreadableInputException(new SourceLocation(display + "/" + p.file(), p.line(), p.column()), p.message());
        }
        if (assembly.stacks().isEmpty()) {
            throw new UnreadableInputException(SourceLocation.ofFile(display), "it holds no stack template (run slk synth)");
        }
        return new IamSources(assembly.stacks(), file -> display + "/" + file, display);
    }

    /**
     * @param files CloudFormation templates, JSON or YAML
     * @param displays the paths as the user wrote them
     * @return their templates
     * @throws UnreadableInputException at the first file that cannot be read
     */
    public static IamSources templates(List<Path> files, List<String> displays) throws UnreadableInputException {
        List<StackTemplate> stacks = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (!Files.isRegularFile(files.get(i))) {
                throw new UnreadableInputException(SourceLocation.ofFile(displays.get(i)), "no such file");
            }
            try {
                stacks.add(TemplateFiles.read(files.get(i), displays.get(i)));
            } catch (StackTemplate.UnreadableTemplateException e) {
                throw new UnreadableInputException(new SourceLocation(displays.get(i), e.line(), e.column()), e.getMessage());
            }
        }
        return new IamSources(stacks, Function.identity(), String.join(", ", displays));
    }

    /**
     * @param module the module a run reports on, or null for all
     * @throws UnreadableInputException when the module owns no resource of the templates (it is not enabled)
     */
    public void requireModule(String module) throws UnreadableInputException {
        if (module != null && !hasModule(module)) {
            throw new UnreadableInputException(SourceLocation.ofFile(description),
                    "no resource of module " + module + " in it (is the module enabled in the config?)");
        }
    }

    /** @return whether any resource of the templates belongs to the module */
    public boolean hasModule(String module) {
        Owner owner = new Owner.Module(module);
        return stacks.stream().anyMatch(s -> s.resources().values().stream().anyMatch(r -> r.owner().equals(owner)));
    }
}

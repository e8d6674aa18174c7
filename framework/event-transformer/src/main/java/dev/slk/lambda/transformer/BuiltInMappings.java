package dev.slk.lambda.transformer;

import dev.slk.ocsf.mapping.LoadResult;
import dev.slk.ocsf.mapping.Mapping;
import dev.slk.ocsf.mapping.MappingLoader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/** The mappings that ship inside the transformer (module mappings come from {@code SLK_MAPPINGS_DIR}). */
public final class BuiltInMappings {
    /** Resource names under {@code dev/slk/lambda/transformer/mappings/}. */
    static final List<String> FILES = List.of("azure-defender-alert.yaml");

    private BuiltInMappings() {
    }

    /**
     * @return the built-in mappings
     * @throws IllegalStateException when one does not load (a defect of the build, caught by its tests)
     */
    public static List<Mapping> load() {
        List<Mapping> out = new ArrayList<>();
        for (String file : FILES) {
            URL url = BuiltInMappings.class.getResource("mappings/" + file);
            if (url == null) {
                throw new IllegalStateException("built-in mapping " + file + " is missing from the package");
            }
            LoadResult r = MappingLoader.load(url, "built-in:" + file);
            if (r instanceof LoadResult.Invalid i) {
                throw new IllegalStateException("built-in mapping is invalid: " + i.problems().get(0));
            }
            out.addAll(((LoadResult.Loaded) r).mappings());
        }
        return out;
    }
}

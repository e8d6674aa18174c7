package dev.slk.checklist.text;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of files a module's copyright rule covers (sources, build files, configuration and
 * docs), each with its comment syntax. Files of no kind (images, archives) carry no header.
 */
public enum FileKind {
    /** Java and other C-like sources: a block comment. */
    BLOCK(true),
    /** XML (build files, assemblies, log configuration): a comment after the XML declaration. */
    XML(false),
    /** Markdown and HTML: an HTML comment. */
    MARKUP(false),
    /** YAML, properties, service registrations, requirements: a hash comment. */
    HASH(false),
    /** Python and shell: a hash comment after the shebang. */
    SCRIPT(true),
    /** JSON has no comments: a top-level {@code "$comment"} property. */
    JSON(false);

    private final boolean code;

    FileKind(boolean code) {
        this.code = code;
    }

    /** @return whether the file is source code (for the emoticon rule) */
    public boolean code() {
        return code;
    }

    /**
     * @param file a file
     * @return its kind, or empty when the copyright rule does not cover it
     */
    public static Optional<FileKind> of(Path file) {
        String name = file.getFileName().toString();
        if (file.getParent() != null && file.getParent().endsWith(Path.of("META-INF", "services"))) {
            return Optional.of(HASH);
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (ext) {
            case "java", "kt", "groovy", "scala", "ts", "js", "mjs", "c", "h", "go", "rs" -> BLOCK;
            case "xml", "xsd" -> XML;
            case "md", "html", "htm" -> MARKUP;
            case "yaml", "yml", "properties", "toml", "cfg", "ini", "txt" -> HASH;
            case "py", "sh", "bash" -> SCRIPT;
            case "json" -> JSON;
            default -> null;
        });
    }

    /**
     * @param text the file's text, without a header
     * @param line the copyright line, e.g. {@code Copyright (c) 2026 the slk authors}
     * @return the text with the header in this kind's syntax, or empty when it cannot be placed
     *     safely (a JSON document that is not an object)
     */
    public Optional<String> withHeader(String text, String line) {
        return switch (this) {
            case BLOCK -> Optional.of("/*\n * " + line + "\n */\n" + text);
            case MARKUP -> Optional.of("<!-- " + line + " -->\n" + text);
            case HASH -> Optional.of("# " + line + "\n" + text);
            case SCRIPT -> Optional.of(afterFirstLineIf(text, "#!", "# " + line + "\n"));
            case XML -> Optional.of(afterFirstLineIf(text, "<?xml", "<!-- " + line + " -->\n"));
            case JSON -> json(text, line);
        };
    }

    private static String afterFirstLineIf(String text, String prefix, String header) {
        if (text.startsWith(prefix)) {
            int end = text.indexOf('\n');
            return end < 0 ? text + "\n" + header : text.substring(0, end + 1) + header + text.substring(end + 1);
        }
        return header + text;
    }

    private static Optional<String> json(String text, String line) {
        String stripped = text.stripLeading();
        if (!stripped.startsWith("{")) {
            return Optional.empty();
        }
        int brace = text.indexOf('{');
        String rest = text.substring(brace + 1);
        String escaped = line.replace("\\", "\\\\").replace("\"", "\\\"");
        boolean empty = rest.strip().startsWith("}");
        return Optional.of(text.substring(0, brace + 1) + "\n  \"$comment\": \"" + escaped + "\"" + (empty ? "" : ",")
                + (rest.startsWith("\n") ? rest : "\n" + rest));
    }
}

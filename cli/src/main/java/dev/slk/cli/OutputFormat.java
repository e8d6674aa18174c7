package dev.slk.cli;

/** How a command prints its result. Lower-case constants, because users type and see them. */
enum OutputFormat {
    text,
    json
}

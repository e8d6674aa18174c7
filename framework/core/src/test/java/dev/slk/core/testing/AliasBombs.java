package dev.slk.core.testing;

/** YAML documents built to explode through aliases ("billion laughs"). */
public final class AliasBombs {
    private AliasBombs() {
    }

    /**
     * @param width items per list; each level's list holds {@code width} aliases of the level below
     * @param levels how many levels of aliases
     * @return YAML that expands to {@code width^(levels+1)} scalars
     */
    public static String of(int width, int levels) {
        StringBuilder yaml = new StringBuilder("a0: &a0 [").append("lol, ".repeat(width - 1)).append("lol]\n");
        for (int i = 1; i <= levels; i++) {
            String alias = "*a" + (i - 1);
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append((alias + ", ").repeat(width - 1)).append(alias).append("]\n");
        }
        return yaml.toString();
    }
}

package dev.slk.lambda.customsource;

import java.util.List;

/** The validated ResourceProperties of a Create or Update request. */
record CustomSourceProperties(
        List<SourceSpec> sources, String crawlerRoleArn, String providerPrincipal, ExternalIdRef externalIdRef) {
    CustomSourceProperties {
        sources = List.copyOf(sources);
    }

    List<String> sourceNames() {
        return sources.stream().map(SourceSpec::sourceName).toList();
    }

    /** Settings every source is created with; a change to any of them means re-creating the sources. */
    boolean sameSharedSettingsAs(CustomSourceProperties other) {
        return crawlerRoleArn.equals(other.crawlerRoleArn)
                && providerPrincipal.equals(other.providerPrincipal)
                && externalIdRef.equals(other.externalIdRef);
    }
}

/**
 * Declarative mappings from source events to OCSF records (and ASFF findings).
 *
 * <p>Entry points: {@link dev.slk.ocsf.mapping.MappingLoader} loads and validates mapping files,
 * {@link dev.slk.ocsf.mapping.MappingCatalog} chooses the mapping for an event, and
 * {@link dev.slk.ocsf.mapping.Mapping#apply} builds the record. The file format is described in
 * {@code docs/OCSF_MAPPINGS.md}.
 */
package dev.slk.ocsf.mapping;

/**
 * OCSF 1.1 facts slk needs: the event classes Security Lake accepts from custom sources with the
 * attributes each requires, the types of attributes by name, and a check of records against both.
 */
package dev.slk.ocsf.schema;

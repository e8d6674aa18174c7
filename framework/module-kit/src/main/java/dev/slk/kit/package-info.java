/**
 * The module kit: the one way slk builds a function, for its own core functions and for every
 * module's. A module describes its function with {@link dev.slk.kit.ModuleFunction#builder}
 * and the kit creates the function's role (no managed policies), log group (the project's
 * retention, the shared key when there is one), dead-letter queue for failed asynchronous
 * invocations, optional schedule, checked environment and the one justified cdk-nag
 * suppression. A security default changed here reaches every function at once.
 */
package dev.slk.kit;

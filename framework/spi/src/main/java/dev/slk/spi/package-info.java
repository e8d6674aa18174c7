/**
 * The contract between slk and an integration module.
 *
 * <p>A module is a class that implements {@link dev.slk.spi.IntegrationModule} (usually by
 * extending {@link dev.slk.spi.BaseIntegrationModule}) and is registered for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/dev.slk.spi.IntegrationModule}.
 * slk discovers it, validates its {@code config} block against the module's
 * {@code config.schema.json} and its {@link dev.slk.spi.IntegrationModule#validateConfig
 * validateConfig}, then, at synthesis, calls its hooks synchronously in a fixed order:
 * {@code validateConfig}, {@code createResources}, {@code requiredPermissions},
 * {@code outputs}, {@code healthChecks}.
 *
 * <p>This package depends only on aws-cdk-lib, constructs and Jackson; modules depend only on
 * this package.
 */
package dev.slk.spi;

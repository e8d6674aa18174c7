/**
 * The cloud-assembly model: what {@code slk synth} wrote into {@code cdk.out}, read once, for every
 * check of synthesized infrastructure (security-scan's infrastructure rules, the iam-analyzer).
 *
 * <p>{@link dev.slk.assembly.CloudAssembly#read} follows the manifest to every stack template (stage
 * assemblies and nested stacks included). Each {@link dev.slk.assembly.Resource} knows its position in
 * its file, its construct path and its {@link dev.slk.assembly.Owner}: a module (construct path
 * {@code <stack>/modules/<id>/...}), the core, or the CDK framework. {@link dev.slk.assembly.References}
 * resolves {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} and {@code Fn::Join} to the logical ids
 * they point at.
 */
package dev.slk.assembly;

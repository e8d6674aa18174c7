/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller's deployment package as Lambda's java21 runtime loads it: every jar under lib/ and
 * nothing else (no test class path, no Maven), in a class loader of its own.
 */
class PackageClassPathTest {
    private static final String POLLER = "dev/slk/modules/googlescc/poller/";

    @TempDir
    Path temp;

    private List<URL> libraries() throws IOException {
        Path zip = Path.of(GoogleSccModule.PACKAGE);
        assertTrue(Files.isRegularFile(zip), zip + " is missing: the poller's build writes it before this module's tests");
        List<URL> jars = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    Path jar = temp.resolve(entry.getName().substring("lib/".length()));
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, jar);
                    }
                    jars.add(jar.toUri().toURL());
                }
            }
        }
        return jars;
    }

    @Test
    void thePackagesLibrariesAloneLoadAndLinkTheHandlerAndEveryPollerClass() throws Exception {
        List<URL> jars = libraries();
        try (URLClassLoader lambda = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> handler = Class.forName(GoogleSccModule.HANDLER.substring(0, GoogleSccModule.HANDLER.indexOf("::")),
                    true, lambda);
            Class<?> requestHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestHandler", false, lambda);
            assertTrue(requestHandler.isAssignableFrom(handler), handler + " is not a RequestHandler there");
            assertEquals(lambda, handler.getClassLoader());

            List<String> classes = new ArrayList<>();
            try (ZipFile poller = new ZipFile(Path.of(jars.stream().filter(u -> u.getPath().endsWith(
                    "/google-scc-pubsub-poller-1.0.0.jar")).findFirst().orElseThrow().toURI()).toFile())) {
                poller.stream().map(ZipEntry::getName).filter(n -> n.startsWith(POLLER) && n.endsWith(".class"))
                        .forEach(n -> classes.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
            }
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(lambda);
            try {
                for (String name : classes) {
                    // Initialising verifies and links each class against the package's libraries.
                    Class.forName(name, true, lambda);
                }
            } finally {
                thread.setContextClassLoader(before);
            }
            assertTrue(classes.size() >= 10, classes.toString());

            // The production channel: gRPC's provider lookup on these libraries finds netty-shaded (TLS).
            Object provider = Class.forName("io.grpc.ManagedChannelProvider", true, lambda).getMethod("provider")
                    .invoke(null);
            assertEquals("io.grpc.netty.shaded.io.grpc.netty.NettyChannelProvider", provider.getClass().getName());
            Class.forName("com.google.cloud.pubsub.v1.stub.GrpcSubscriberStub", true, lambda);
            Class.forName("com.google.api.gax.grpc.InstantiatingGrpcChannelProvider", true, lambda);
            Class.forName("com.google.auth.oauth2.ExternalAccountCredentials", true, lambda);
        }
    }

    @Test
    void thePackageLeavesOutWhatOnlyDirectPathAndTheRestTransportUse() throws Exception {
        try (URLClassLoader lambda = new URLClassLoader(libraries().toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            for (String absent : List.of("io.grpc.xds.XdsNameResolverProvider", "org.conscrypt.Conscrypt",
                    "io.grpc.googleapis.GoogleCloudToProdNameResolverProvider", "io.grpc.inprocess.InProcessChannelBuilder",
                    "io.grpc.protobuf.services.ProtoReflectionService", "com.google.re2j.Pattern",
                    "com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider")) {
                assertThrows(ClassNotFoundException.class, () -> Class.forName(absent, false, lambda), absent);
            }
        }
    }
}

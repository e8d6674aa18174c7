package dev.slk.lambda.transformer.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The function ships without Hadoop. This runs the encoder in a class loader that has the test
 * class path minus every Hadoop jar, as the Lambda package has.
 */
class HadoopFreeTest {
    @Test
    void theEncoderWritesSnappyParquetWithoutHadoopOnTheClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.contains("hadoop-client")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> isolated.loadClass("org.apache.hadoop.conf.Configuration"));
            Class<?> mapper = isolated.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
            Object json = mapper.getConstructor().newInstance();
            Object record = mapper.getMethod("readTree", String.class).invoke(json,
                    "{\"class_uid\": 2004, \"time\": 1, \"finding_info\": {\"uid\": \"u\", \"types\": [\"t\"]}}");
            Class<?> encoder = isolated.loadClass(ParquetEncoder.class.getName());
            byte[] parquet = (byte[]) encoder.getMethod("encode", List.class, java.util.Map.class)
                    .invoke(null, List.of(record), java.util.Map.of());
            assertEquals("PAR1", new String(parquet, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertTrue(parquet.length > 100);
        }
    }
}

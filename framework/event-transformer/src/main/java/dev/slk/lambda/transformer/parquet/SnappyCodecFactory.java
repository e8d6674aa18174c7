package dev.slk.lambda.transformer.parquet;

import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's SNAPPY codec (raw Snappy blocks per page) on aircompressor's pure-Java implementation.
 *
 * <p>parquet-hadoop's own codec factory reaches Snappy through Hadoop's codec classes and the
 * native snappy-java library; this one needs neither, which keeps Hadoop out of the Lambda package
 * and native-library unpacking out of the cold start.
 */
public final class SnappyCodecFactory implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        requireSnappy(codecName);
        SnappyCompressor compressor = new SnappyCompressor();
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] input = bytesOf(bytes);
                byte[] output = new byte[compressor.maxCompressedLength(input.length)];
                int length = compressor.compress(input, 0, input.length, output, 0, output.length);
                return BytesInput.from(output, 0, length);
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.SNAPPY;
            }

            @Override
            public void release() {
                // nothing pooled
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        if (codecName == CompressionCodecName.UNCOMPRESSED) {
            return new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
                    return bytes;
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) {
                    ByteBuffer slice = input.duplicate();
                    slice.limit(slice.position() + compressedSize);
                    output.put(slice);
                }

                @Override
                public void release() {
                    // nothing pooled
                }
            };
        }
        requireSnappy(codecName);
        SnappyDecompressor decompressor = new SnappyDecompressor();
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                byte[] input = bytesOf(bytes);
                byte[] output = new byte[uncompressedSize];
                decompressor.decompress(input, 0, input.length, output, 0, uncompressedSize);
                return BytesInput.from(output);
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.duplicate().get(in);
                byte[] out = new byte[uncompressedSize];
                decompressor.decompress(in, 0, in.length, out, 0, out.length);
                output.put(out);
            }

            @Override
            public void release() {
                // nothing pooled
            }
        };
    }

    @Override
    public void release() {
        // nothing pooled
    }

    private static byte[] bytesOf(BytesInput bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) bytes.size());
        bytes.writeAllTo(out);
        return out.toByteArray();
    }

    private static void requireSnappy(CompressionCodecName codecName) {
        if (codecName != CompressionCodecName.SNAPPY) {
            throw new IllegalArgumentException("slk writes and reads SNAPPY Parquet only, not " + codecName);
        }
    }
}

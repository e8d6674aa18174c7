package dev.slk.lambda.customsource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * PUTs the response to the pre-signed ResponseURL. The URL is a credential for this one
 * request, so it is never logged. A few quick retries cover a dropped connection; after
 * that CloudFormation's own timeout is the only remedy left.
 */
final class ResponseSender {

    /** The response could not be delivered. */
    static final class NotDelivered extends Exception {
        private static final long serialVersionUID = 1L;

        NotDelivered(String message) {
            super(message, null, false, false);
        }
    }

    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Duration backoff;

    ResponseSender(Duration backoff) {
        this.backoff = backoff;
    }

    void send(URI responseUrl, byte[] body) throws NotDelivered {
        String last = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                int status = put(responseUrl, body);
                if (status >= 200 && status < 300) {
                    return;
                }
                last = "HTTP " + status;
                if (status < 500) {
                    break;
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            try {
                Thread.sleep(backoff.toMillis() * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new NotDelivered("the response to CloudFormation was not accepted: " + last);
    }

    private static int put(URI url, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try {
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setConnectTimeout((int) TIMEOUT.toMillis());
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            // CloudFormation signs the URL for an empty content type; another value can fail S3's signature check.
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }
}

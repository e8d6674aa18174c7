import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Cold start of the event transformer's handler class, on the class path of its Lambda package
 * only (lib/*.jar of the zip). Measures, from JVM start: the INIT phase (class load + no-arg
 * constructor, which reads the environment, builds the S3 client and loads the mappings) and the
 * first invocation (one message with an Azure alert and an OCSF record, written to a loopback
 * stand-in for S3 that accepts PUTs). Prints one line: "init_ms first_invoke_ms".
 */
public final class ColdStartProbe {
    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        HttpServer s3 = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        s3.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("ETag", "\"bench\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        s3.start();
        String alert = Files.readString(Path.of(args[1]));
        String ocsf = Files.readString(Path.of(args[2]));

        long before = System.currentTimeMillis();
        Class<?> type = Class.forName("dev.slk.lambda.transformer.EventTransformerHandler");
        Object handler = type.getConstructor().newInstance();
        long init = System.currentTimeMillis();

        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("cold-1");
        m.setBody("[" + alert + "," + ocsf + "]");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(m));
        Object response = type.getMethod("handleRequest", SQSEvent.class, Context.class).invoke(handler, event, context());
        long invoked = System.currentTimeMillis();
        if (!response.toString().contains("batchItemFailures=[]")) {
            throw new IllegalStateException("the cold-start batch failed: " + response);
        }
        s3.stop(0);
        System.out.println((init - jvmStart) + " " + (invoked - init) + " " + (before - jvmStart));
        System.exit(0);
    }

    private static Context context() {
        return new Context() {
            public String getAwsRequestId() { return "cold-start"; }
            public String getLogGroupName() { return "/aws/lambda/bench"; }
            public String getLogStreamName() { return "bench"; }
            public String getFunctionName() { return "bench"; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:123456789012:function:bench"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return 60_000; }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() { return null; }
        };
    }
}

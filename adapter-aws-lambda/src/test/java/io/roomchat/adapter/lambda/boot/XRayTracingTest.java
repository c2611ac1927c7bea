package io.roomchat.adapter.lambda.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * X-Ray on the Lambda binding: each SDK call of a traced invocation becomes a subsegment, the SNS publish carries
 * the trace on (SNS hands the header to the fan-out function), and calls outside any trace (priming, a local run)
 * record, send and log nothing.
 */
class XRayTracingTest {
    private static final String TRACE_HEADER = "X-Amzn-Trace-Id";
    private static final Consumer<AwsRequestOverrideConfiguration.Builder> LOCAL = request -> request
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));

    private HttpServer aws;
    private URI endpoint;
    private final List<Map.Entry<String, String>> traceHeaderByCall = new CopyOnWriteArrayList<>();
    private final RecordingEmitter daemon = new RecordingEmitter();
    private final List<LogRecord> xrayWarnings = new CopyOnWriteArrayList<>();
    private final Handler warnings = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                xrayWarnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() throws IOException {
        aws = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        aws.createContext("/", this::answerAsAws);
        aws.start();
        endpoint = URI.create("http://127.0.0.1:" + aws.getAddress().getPort());
        Logger.getLogger("com.amazonaws.xray").addHandler(warnings);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("com.amazonaws.xray").removeHandler(warnings);
        aws.stop(0);
    }

    @Test
    void only_a_lambda_function_traces() {
        assertThat(XRayTracing.fromEnvironment(Map.of())).isEmpty();
        assertThat(XRayTracing.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "chat-onMessage"))).isEmpty();
        assertThat(XRayTracing.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "chat-onMessage",
                "AWS_XRAY_DAEMON_ADDRESS", "169.254.79.129:2000"))).isPresent();
    }

    @Test
    void each_call_of_a_traced_invocation_is_a_subsegment_and_the_sns_publish_carries_the_trace_on() {
        AWSXRayRecorder recorder = recorder();
        try (AwsClients clients = new AwsClients(settings(), Optional.of(XRayTracing.interceptor(recorder)));
             DynamoDbClient dynamo = DynamoDbClient.builder()
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).region(clients.region())
                     .credentialsProvider(clients.credentials()).endpointOverride(endpoint)
                     .overrideConfiguration(clients.intercepted(
                             software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.builder().build()))
                     .build()) {
            Segment invocation = recorder.beginSegment("chat-onMessage");

            dynamo.getItem(request -> request.tableName("chat-connections")
                    .key(Map.of("connectionId", AttributeValue.fromS("c1"))).overrideConfiguration(LOCAL));
            clients.sns(Optional.of(endpoint)).publish(request -> request
                    .topicArn("arn:aws:sns:eu-west-2:123456789012:fanout").message("{}").overrideConfiguration(LOCAL));
            clients.managementApi(URI.create(endpoint + "/dev")).postToConnection(request -> request
                    .connectionId("c1").data(SdkBytes.fromUtf8String("{}")).overrideConfiguration(LOCAL));
            recorder.endSegment();

            String traceId = invocation.getTraceId().toString();
            assertThat(traceHeaderByCall).extracting(Map.Entry::getKey)
                    .containsExactly("DynamoDb", "Sns", "ApiGatewayManagementApi");
            assertThat(traceHeaderByCall).allSatisfy(call -> assertThat(call.getValue())
                    .startsWith("Root=" + traceId + ";Parent=").endsWith(";Sampled=1"));
            assertThat(daemon.segments).hasSize(1);
            assertThat(daemon.segments.get(0).getSubsegmentsCopy()).extracting(Entity::getName)
                    .containsExactly("DynamoDb", "Sns", "ApiGatewayManagementApi");
            assertThat(daemon.segments.get(0).getSubsegmentsCopy()).extracting(sub -> sub.getAws().get("operation"))
                    .containsExactly("GetItem", "Publish", "PostToConnection");
        }
        assertThat(xrayWarnings).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void priming_with_tracing_on_reaches_no_endpoint_records_nothing_and_logs_nothing() {
        ServerlessWiring wiring = ServerlessWiring.wire(PrimingTest.sharedSecretAndSnsFanoutAt(endpoint),
                Optional.of(XRayTracing.interceptor(recorder())));

        wiring.prime();

        assertThat(traceHeaderByCall).isEmpty();
        assertThat(daemon.segments).isEmpty();
        assertThat(daemon.subsegments).isEmpty();
        assertThat(xrayWarnings).extracting(LogRecord::getMessage).isEmpty();
    }

    private AWSXRayRecorder recorder() {
        return AWSXRayRecorderBuilder.standard().withEmitter(daemon).build();
    }

    private LambdaSettings settings() {
        return LambdaSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-2", "CHAT_FANOUT", "direct"));
    }

    /** Answers as DynamoDB, SNS or the Management API would, and notes each call's trace header. */
    private void answerAsAws(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String service = target != null ? "DynamoDb"
                : exchange.getRequestURI().getPath().contains("@connections") ? "ApiGatewayManagementApi" : "Sns";
        traceHeaderByCall.add(Map.entry(service, String.valueOf(exchange.getRequestHeaders().getFirst(TRACE_HEADER))));
        exchange.getRequestBody().readAllBytes();
        String body = switch (service) {
            case "DynamoDb" -> "{}";
            case "Sns" -> "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                    + "<MessageId>m1</MessageId></PublishResult></PublishResponse>";
            default -> "";
        };
        exchange.getResponseHeaders().add("Content-Type",
                service.equals("DynamoDb") ? "application/x-amz-json-1.0" : "text/xml");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Stands in for the X-Ray daemon: keeps what the recorder would send. */
    private static final class RecordingEmitter extends Emitter {
        final List<Segment> segments = new CopyOnWriteArrayList<>();
        final List<Subsegment> subsegments = new CopyOnWriteArrayList<>();

        @Override
        public boolean sendSegment(Segment segment) {
            segments.add(segment);
            return true;
        }

        @Override
        public boolean sendSubsegment(Subsegment subsegment) {
            subsegments.add(subsegment);
            return true;
        }
    }
}

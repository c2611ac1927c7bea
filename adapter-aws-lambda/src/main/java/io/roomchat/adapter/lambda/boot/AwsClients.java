package io.roomchat.adapter.lambda.boot;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients of one execution environment: one JDK HTTP client for all of them, the region Lambda sets, and
 * credentials read the quick way (environment variables, or the container endpoint SnapStart functions use)
 * instead of the SDK's full default chain. Every client carries the {@link PrimingInterceptor}, and the
 * {@linkplain XRayTracing X-Ray interceptor} when there is one.
 */
final class AwsClients implements AutoCloseable {
    private final SdkHttpClient http;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Optional<ExecutionInterceptor> tracing;

    AwsClients(LambdaSettings settings, Optional<ExecutionInterceptor> tracing) {
        this.tracing = tracing;
        // HttpURLConnection keeps only 5 idle connections per host unless told otherwise; fan-out opens up to
        // maxInFlight at once, and re-opening TLS connections would cost more than the calls themselves.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", String.valueOf(Math.max(5, settings.maxInFlight())));
        }
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
        this.region = Region.of(settings.region());
        this.credentials = settings.staticLocalCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                        ContainerCredentialsProvider.builder().build());
    }

    ApiGatewayManagementApiClient managementApi(URI endpoint) {
        return ApiGatewayManagementApiClient.builder()
                .httpClient(http)
                .region(region)
                .credentialsProvider(credentials)
                .endpointOverride(endpoint)
                .overrideConfiguration(intercepted(ClientOverrideConfiguration.builder().build()))
                .build();
    }

    SnsClient sns(Optional<URI> endpoint) {
        var builder = SnsClient.builder()
                .httpClient(http)
                .region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(intercepted(ClientOverrideConfiguration.builder().build()));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    Region region() {
        return region;
    }

    /** Closes the shared HTTP client; the service clients close their own resources. */
    @Override
    public void close() {
        http.close();
    }

    /** {@code base} with this environment's interceptors added: tracing first, so that it sees primed calls end. */
    ClientOverrideConfiguration intercepted(ClientOverrideConfiguration base) {
        ClientOverrideConfiguration.Builder builder = base.toBuilder();
        tracing.ifPresent(builder::addExecutionInterceptor);
        return builder.addExecutionInterceptor(new PrimingInterceptor()).build();
    }
}

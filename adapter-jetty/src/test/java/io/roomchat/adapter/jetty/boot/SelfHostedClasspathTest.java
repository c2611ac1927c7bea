package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The self-hosted server's classpath (what its shaded jar is made of, plus test libraries) carries none of the
 * Lambda binding's X-Ray SDK: tracing is a serverless concern, and its AWS SDK v1 parts would only weigh here.
 */
class SelfHostedClasspathTest {

    @Test
    void the_self_hosted_server_carries_no_x_ray_sdk() {
        ClassLoader classpath = getClass().getClassLoader();

        assertThat(classpath.getResource("com/amazonaws/xray/AWSXRay.class")).isNull();
        assertThat(classpath.getResource("com/amazonaws/xray/interceptors/TracingInterceptor.class")).isNull();
        assertThat(classpath.getResource("net/logstash/logback/encoder/LogstashEncoder.class"))
                .as("the classpath is the server's").isNotNull();
    }
}

package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Lambda's classpath (what its deployment jar is made of) carries none of the self-hosted Redis bus. */
class LambdaClasspathTest {

    @Test
    void the_lambda_carries_no_redis_client_and_no_netty() {
        ClassLoader classpath = getClass().getClassLoader();

        assertThat(classpath.getResource("io/lettuce/core/RedisClient.class")).isNull();
        assertThat(classpath.getResource("io/netty/channel/Channel.class")).isNull();
        assertThat(classpath.getResource("reactor/core/publisher/Flux.class")).isNull();
        assertThat(classpath.getResource("io/roomchat/wire/WireCodec.class")).as("the classpath is the Lambda's")
                .isNotNull();
    }
}

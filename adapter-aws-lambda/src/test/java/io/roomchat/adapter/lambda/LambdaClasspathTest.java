package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Lambda functions' classpath (what their jar is made of, plus test libraries) carries none of the self-hosted
 * cluster's parts: PostgreSQL's driver, its pool and its migrations, or the Redis bus's client would only weigh on
 * every cold start.
 */
class LambdaClasspathTest {
    private final ClassLoader classpath = getClass().getClassLoader();

    @Test
    void the_lambda_functions_carry_no_postgresql_driver_pool_or_migrations() {
        assertThat(classpath.getResource("org/postgresql/Driver.class")).isNull();
        assertThat(classpath.getResource("com/zaxxer/hikari/HikariDataSource.class")).isNull();
        assertThat(classpath.getResource("org/flywaydb/core/Flyway.class")).isNull();
        assertThat(classpath.getResource("io/roomchat/adapter/dynamodb/DynamoDbChatStorage.class"))
                .as("the classpath is the functions'").isNotNull();
    }

    @Test
    void the_lambda_functions_carry_no_redis_client_and_no_netty() {
        assertThat(classpath.getResource("io/lettuce/core/RedisClient.class")).isNull();
        assertThat(classpath.getResource("io/netty/channel/Channel.class")).isNull();
        assertThat(classpath.getResource("reactor/core/publisher/Flux.class")).isNull();
        assertThat(classpath.getResource("io/roomchat/wire/WireCodec.class")).as("the classpath is the functions'")
                .isNotNull();
    }
}

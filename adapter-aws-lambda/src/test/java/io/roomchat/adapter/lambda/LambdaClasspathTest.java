package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Lambda functions' classpath (what their jar is made of, plus test libraries) carries none of the self-hosted
 * cluster's storage: PostgreSQL's driver, its pool and its migrations would only weigh on every cold start.
 */
class LambdaClasspathTest {

    @Test
    void the_lambda_functions_carry_no_postgresql_driver_pool_or_migrations() {
        ClassLoader classpath = getClass().getClassLoader();

        assertThat(classpath.getResource("org/postgresql/Driver.class")).isNull();
        assertThat(classpath.getResource("com/zaxxer/hikari/HikariDataSource.class")).isNull();
        assertThat(classpath.getResource("org/flywaydb/core/Flyway.class")).isNull();
        assertThat(classpath.getResource("io/roomchat/adapter/dynamodb/DynamoDbChatStorage.class"))
                .as("the classpath is the functions'").isNotNull();
    }
}

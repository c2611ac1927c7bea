package io.roomchat.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.PublisherVerification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command docs/serverless.md gives for minting a {@code chat:publish} token from a shared secret: run as
 * printed, its token must verify as a publisher, with and without a required issuer and audience.
 */
class MintPublishTokenCommandTest {
    private static final Path DOC = Path.of("..", "docs", "serverless.md");
    private static final String MARKER = "<!-- mint-publish-token -->";
    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes-for-the-doc-test";

    private static String command() throws IOException {
        String doc = Files.readString(DOC);
        int marker = doc.indexOf(MARKER);
        assertThat(marker).as("the marked block in " + DOC).isNotNegative();
        int start = doc.indexOf("```bash\n", marker) + "```bash\n".length();
        return doc.substring(start, doc.indexOf("\n```", start));
    }

    private static String run(String command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
        builder.environment().remove("CHAT_JWT_ISSUER");
        builder.environment().remove("CHAT_JWT_AUDIENCE");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean available(String tool) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (IOException | InterruptedException unavailable) {
            return false;
        }
    }

    @Test
    void the_documented_command_mints_a_token_the_server_api_accepts() throws Exception {
        assumeTrue(available("bash") && available("openssl"), "bash and openssl are needed to run the command");
        String command = command();

        String plain = run(command, Map.of("CHAT_JWT_SECRET", SECRET));
        String scoped = run(command, Map.of("CHAT_JWT_SECRET", SECRET,
                "CHAT_JWT_ISSUER", "https://issuer.example/", "CHAT_JWT_AUDIENCE", "roomchat"));

        PublisherVerification.Publisher bot = new PublisherVerification.Publisher(new UserId("notice-bot"));
        assertThat(JwtTokenVerifier.hs256(SECRET).build().verifyPublisher(plain)).isEqualTo(bot);
        assertThat(JwtTokenVerifier.hs256(SECRET).issuer("https://issuer.example/").audience("roomchat").build()
                .verifyPublisher(scoped)).isEqualTo(bot);
        assertThat(JwtTokenVerifier.hs256(SECRET + "-another").build().verifyPublisher(plain))
                .isInstanceOf(PublisherVerification.Unauthenticated.class);
    }
}

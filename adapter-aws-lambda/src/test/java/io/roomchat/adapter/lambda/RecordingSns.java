package io.roomchat.adapter.lambda;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** An SNS client that keeps what was published (the HTTP path is exercised by the local stand-in's tests). */
class RecordingSns implements SnsClient {
    private final List<PublishRequest> published = new CopyOnWriteArrayList<>();

    @Override
    public PublishResponse publish(PublishRequest request) {
        published.add(request);
        return PublishResponse.builder().messageId("m-" + published.size()).build();
    }

    List<PublishRequest> published() {
        return List.copyOf(published);
    }

    @Override
    public String serviceName() {
        return "sns";
    }

    @Override
    public void close() {
    }
}

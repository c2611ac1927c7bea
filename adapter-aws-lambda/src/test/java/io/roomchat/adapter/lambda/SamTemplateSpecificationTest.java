package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SAM template against the CloudFormation resource specification (which describes SAM's types too), and the
 * check itself against templates that break it in each way it looks for.
 */
class SamTemplateSpecificationTest {
    /**
     * SAM passes {@code SnapStart} through to {@code AWS::Lambda::Function}; the specification on npm predates
     * SAM's support for it, so its shape is taken from the Lambda function's.
     */
    private static final Map<String, JsonNode> NEWER_THAN_THE_SPECIFICATION = Map.of(
            "AWS::Serverless::Function.SnapStart",
            new ObjectMapper().createObjectNode().put("Type", "AWS::Lambda::Function.SnapStart"));

    private static ResourceSpecification specification;

    @TempDir
    Path folder;

    @BeforeAll
    static void load() throws IOException {
        specification = ResourceSpecification.fromNpm(NEWER_THAN_THE_SPECIFICATION);
    }

    @Test
    void the_template_conforms_to_the_resource_specification() throws IOException {
        Map<String, Object> template = CloudFormationYaml.read(Path.of("template.yaml"));

        assertThat(specification.problems(template))
                .as("template.yaml against resource specification " + specification.version())
                .isEmpty();
    }

    /** Why the template's stage has no {@code TracingEnabled}: X-Ray traces REST API stages only. */
    @Test
    void a_websocket_stage_has_no_tracing_property_to_turn_on() throws IOException {
        assertThat(problems("""
                Resources:
                  Stage:
                    Type: AWS::ApiGatewayV2::Stage
                    Properties:
                      ApiId: !Ref Api
                      StageName: dev
                      TracingEnabled: true
                """)).containsExactly("Stage.TracingEnabled: AWS::ApiGatewayV2::Stage has no property TracingEnabled");
    }

    @Test
    void a_misspelt_property_is_reported() throws IOException {
        assertThat(problems("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      BilingMode: PAY_PER_REQUEST
                """)).containsExactly("Table.BilingMode: AWS::DynamoDB::Table has no property BilingMode");
    }

    @Test
    void a_misspelt_property_of_a_nested_type_is_reported() throws IOException {
        assertThat(problems("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      KeySchema: [{AttributeName: id, KeyTyp: HASH}]
                """)).containsExactlyInAnyOrder(
                        "Table.KeySchema[0].KeyTyp: KeySchema has no property KeyTyp",
                        "Table.KeySchema[0]: required property KeyType is missing");
    }

    @Test
    void a_value_of_the_wrong_kind_is_reported() throws IOException {
        assertThat(problems("""
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      Name: chat
                      ProtocolType: WEBSOCKET
                      RouteSelectionExpression: [$request.body.action]
                """)).containsExactly("Api.RouteSelectionExpression: expected String, found a list");
    }

    @Test
    void a_missing_required_property_is_reported_unless_globals_set_it() throws IOException {
        assertThat(problems("""
                Resources:
                  Route:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      RouteKey: $connect
                """)).containsExactly("Route: required property ApiId is missing");
    }

    @Test
    void an_unknown_resource_type_and_a_wrong_globals_property_are_reported() throws IOException {
        assertThat(problems("""
                Globals:
                  Function:
                    Runtime: java17
                    SnapStartt: {ApplyOn: PublishedVersions}
                Resources:
                  Topic:
                    Type: AWS::SNS::Topicc
                """)).containsExactlyInAnyOrder(
                        "Globals.Function.SnapStartt: AWS::Serverless::Function has no property SnapStartt",
                        "Topic: unknown resource type AWS::SNS::Topicc");
    }

    @Test
    void a_sam_event_source_is_checked_as_the_type_it_names() throws IOException {
        assertThat(problems("""
                Resources:
                  Fanout:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Handler
                      Events:
                        Published:
                          Type: SNS
                          Properties:
                            Topik: !Ref Topic
                """)).containsExactlyInAnyOrder(
                        "Fanout.Events.Published.Properties.Topik: SNSEvent has no property Topik",
                        "Fanout.Events.Published.Properties: required property Topic is missing");
    }

    @Test
    void intrinsic_functions_stand_for_any_value() throws IOException {
        assertThat(problems("""
                Resources:
                  Route:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: !Ref Api
                      RouteKey: !Sub "${Prefix}connect"
                      Target: !Join [/, [integrations, !Ref Integration]]
                """)).isEmpty();
    }

    private java.util.List<String> problems(String yaml) throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), yaml);
        return specification.problems(CloudFormationYaml.read(template));
    }
}

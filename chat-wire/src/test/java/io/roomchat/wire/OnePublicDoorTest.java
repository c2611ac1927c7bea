package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OnePublicDoorTest {

    @Test
    void onlyTheCodecTheDecodedFrameTheFramePipelineAndTheServerApiArePublic() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.roomchat.wire");
        assertThat(classes).hasSizeGreaterThan(5);

        var publicClasses = classes.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());

        assertThat(publicClasses).containsExactlyInAnyOrder("WireCodec", "DecodedFrame", "Command", "Invalid", "FramePipeline",
                "ServerApi", "Request", "Answer");
    }
}

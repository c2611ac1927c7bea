package io.roomchat.core.architecture;

import com.tngtech.archunit.core.domain.JavaClass;

/** A stand-in for a core class that imports a library (here ArchUnit, the only one on the test classpath). */
final class CoreClassUsingALibrary {
    String describe(JavaClass type) {
        return type.getName();
    }
}

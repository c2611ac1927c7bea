package io.roomchat.adapter.jdbc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the data directory and the database's files readable by the server's user only (700 and 600), whatever
 * the umask, on file systems with POSIX permissions; elsewhere as the file system creates them. The files are
 * created empty before H2 opens them, because H2 keeps the permissions of a file it finds and would create its own
 * with the umask's. What already exists is left as the operator made it.
 */
final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {
    }

    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (!posix(dir)) {
            Files.createDirectories(dir);
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createDirectory(parent);
        }
        try {
            Files.createDirectory(dir, permissions("rwx------"));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            if (!Files.isDirectory(dir)) {
                throw createdMeanwhile;
            }
        }
    }

    static void createFile(Path file) throws IOException {
        if (!posix(file) || Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, permissions("rw-------"));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // Another opener made it first: it is theirs to keep as they made it.
        }
    }

    /**
     * Makes the directory's entries durable (files created or renamed in it), as an fsync of a new file does not
     * on every file system. Where a directory cannot be opened for it (not on Linux or macOS), nothing is done.
     */
    static void syncDirectory(Path dir) throws IOException {
        if (!posix(dir)) {
            return;
        }
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> permissions(String mode) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
    }
}

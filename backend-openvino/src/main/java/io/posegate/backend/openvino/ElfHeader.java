package io.posegate.backend.openvino;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start of an ELF file's header: enough to tell that a file is a shared library and for which
 * processor it was built ({@code e_machine}), read without loading it.
 *
 * @param machine the {@code e_machine} field, e.g. {@link #X86_64} or {@link #AARCH64}
 */
record ElfHeader(int machine) {
    static final int I386 = 3;
    static final int ARM = 40;
    static final int X86_64 = 62;
    static final int AARCH64 = 183;

    /** The header of {@code file}, or null when it is not an ELF file (or cannot be read). */
    static ElfHeader read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(20);
            if (head.length < 20 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
                return null;
            }
            ByteOrder order = head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            return new ElfHeader(Short.toUnsignedInt(ByteBuffer.wrap(head, 18, 2).order(order).getShort()));
        } catch (IOException e) {
            return null;
        }
    }

    /** A readable name of an {@code e_machine} value. */
    static String name(int machine) {
        return switch (machine) {
            case I386 -> "x86";
            case ARM -> "32-bit ARM";
            case X86_64 -> "x86-64";
            case AARCH64 -> "AArch64";
            default -> "machine " + machine;
        };
    }
}

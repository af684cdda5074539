package org.debtledger.standalone;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The listening TCP sockets of some processes, read from Linux's {@code /proc} alone (no {@code ss} or {@code lsof}
 * needed): {@code /proc/net/tcp} and {@code tcp6} list every socket with its inode, {@code /proc/<pid>/fd} links
 * name the inodes a process holds.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** The address of every listening TCP socket the processes hold, with the pid holding it. */
    static Map<InetSocketAddress, Long> of(Stream<ProcessHandle> processes) throws IOException {
        Map<Long, InetSocketAddress> listening = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(LISTEN)) {
                    String[] local = fields[1].split(":");
                    listening.put(Long.parseLong(fields[9]), new InetSocketAddress(
                            InetAddress.getByAddress(address(local[0])), Integer.parseInt(local[1], 16)));
                }
            }
        }
        Map<InetSocketAddress, Long> held = new HashMap<>();
        for (ProcessHandle process : processes.toList()) {
            for (long inode : socketInodes(process.pid())) {
                if (listening.containsKey(inode)) {
                    held.put(listening.get(inode), process.pid());
                }
            }
        }
        return held;
    }

    /** /proc/net writes an address as 32-bit words in the host's order, little-endian here. */
    private static byte[] address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = (byte) Integer.parseInt(hex.substring((word + 3 - i) * 2, (word + 4 - i) * 2), 16);
            }
        }
        return bytes;
    }

    private static Set<Long> socketInodes(long pid) throws IOException {
        Set<Long> inodes = new HashSet<>();
        Path descriptors = Path.of("/proc", Long.toString(pid), "fd");
        if (!Files.isDirectory(descriptors)) {
            return inodes;
        }
        List<Path> links = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(descriptors)) {
            entries.forEach(links::add);
        }
        for (Path link : links) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                if (target.startsWith("socket:[")) {
                    inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                }
            } catch (IOException closedMeanwhile) {
                // a descriptor closed while the directory was read is no listening socket
            }
        }
        return inodes;
    }
}

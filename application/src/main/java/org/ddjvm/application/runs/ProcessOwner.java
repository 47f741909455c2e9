package org.ddjvm.application.runs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The process executing a run, as {@code host:pid}. A run whose owner is a process of this host that no longer
 * exists was left behind by a crash and may be recovered.
 */
public record ProcessOwner(String host, long pid) {

    public static ProcessOwner current() {
        return new ProcessOwner(localHost(), ProcessHandle.current().pid());
    }

    public static ProcessOwner parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not an owner (host:pid): " + text);
        }
        return new ProcessOwner(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
    }

    /** Whether this owner is a live process; only decidable on this host (other hosts count as alive). */
    public boolean alive() {
        if (!host.equals(localHost())) {
            return true;
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public boolean onThisHost() {
        return host.equals(localHost());
    }

    @Override
    public String toString() {
        return host + ":" + pid;
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}

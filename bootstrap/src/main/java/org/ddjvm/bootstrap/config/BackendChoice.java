package org.ddjvm.bootstrap.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which backend the Spring profiles ask for: profile {@code NAME} is backend NAME on the CPU, {@code NAME-gpu} the
 * same backend on the GPU. Profiles that name no backend (known here or installed) are ignored; without an active
 * backend profile the default profiles decide ({@code spring.profiles.default=djl}), and a build that holds a single
 * backend uses that one by default.
 */
record BackendChoice(String backend, boolean gpu, String profile) {

    static final String GPU_SUFFIX = "-gpu";
    /** The backends this project has, whether or not this build includes them (to name a missing one). */
    static final Set<String> KNOWN = Set.of("djl", "dl4j");

    static BackendChoice from(String[] active, String[] defaults, List<String> installed) {
        List<String> chosen = backendProfiles(active, installed);
        boolean byDefault = chosen.isEmpty();
        if (byDefault) {
            chosen = backendProfiles(defaults, installed);
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no Spring profile chooses a backend (active: " + Arrays.toString(active)
                    + "); use --backend or --spring.profiles.active with one of " + installed);
        }
        if (chosen.size() > 1) {
            throw new IllegalStateException("Spring profiles " + chosen + " choose different backends; activate one");
        }
        BackendChoice choice = of(chosen.get(0));
        if (byDefault && !installed.contains(choice.backend()) && installed.size() == 1) {
            // a build with a single backend (-Ddd.without.NAME) runs on it without being told
            return new BackendChoice(installed.get(0), choice.gpu(), installed.get(0) + (choice.gpu() ? GPU_SUFFIX : ""));
        }
        return choice;
    }

    private static BackendChoice of(String profile) {
        boolean gpu = profile.endsWith(GPU_SUFFIX);
        return new BackendChoice(gpu ? profile.substring(0, profile.length() - GPU_SUFFIX.length()) : profile, gpu,
                profile);
    }

    private static List<String> backendProfiles(String[] profiles, List<String> installed) {
        Set<String> names = new TreeSet<>(KNOWN);
        names.addAll(installed);
        List<String> chosen = new ArrayList<>();
        for (String profile : profiles) {
            String base = profile.endsWith(GPU_SUFFIX) ? profile.substring(0, profile.length() - GPU_SUFFIX.length())
                    : profile;
            if (names.contains(base) && !chosen.contains(profile)) {
                chosen.add(profile);
            }
        }
        return chosen;
    }
}

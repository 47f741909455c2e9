package org.ddjvm.application.attack;

import java.util.Objects;
import java.util.regex.Pattern;
import org.ddjvm.domain.data.DatasetDescriptor;
import org.ddjvm.domain.distill.InvalidConfigException;

/**
 * What a poisoning attack is, validated: a name, the dataset, the attacked class K and the target class T
 * (different classes of the dataset), optionally the pre-trained model set it targets, and free-text notes.
 */
public record AttackSpec(String name, String dataset, int attackedClass, int targetClass, String modelSet,
                         String notes) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public AttackSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidConfigException("name", name,
                    "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        DatasetDescriptor descriptor = DatasetDescriptor.known().stream()
                .filter(d -> d.name().equals(dataset)).findFirst()
                .orElseThrow(() -> new InvalidConfigException("dataset", dataset, "must be one of "
                        + DatasetDescriptor.known().stream().map(DatasetDescriptor::name).toList()));
        int classes = descriptor.classes();
        if (attackedClass < 0 || attackedClass >= classes) {
            throw new InvalidConfigException("attacked-class", attackedClass,
                    "must be a class of " + dataset + " (0-" + (classes - 1) + ")");
        }
        if (targetClass < 0 || targetClass >= classes) {
            throw new InvalidConfigException("target-class", targetClass,
                    "must be a class of " + dataset + " (0-" + (classes - 1) + ")");
        }
        if (attackedClass == targetClass) {
            throw new InvalidConfigException("target-class", targetClass, "must differ from the attacked class");
        }
        if (modelSet != null && modelSet.isBlank()) {
            modelSet = null;
        }
        notes = notes == null ? "" : notes;
        if (notes.length() > 4000) {
            throw new InvalidConfigException("notes", notes.length() + " characters", "must be at most 4000");
        }
        Objects.requireNonNull(dataset);
    }
}

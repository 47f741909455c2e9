package org.ddjvm.application.pretrained;

import java.util.List;
import java.util.Optional;
import org.ddjvm.domain.nn.ParameterSpec;

/** Outbound port: stored pools of pre-trained networks. */
public interface PretrainedModelSets {

    /** Stores a set; throws IllegalArgumentException naming the set when the name is taken. */
    void save(PretrainedModelSet set);

    /** A set by name; {@code specs} describes the architecture's parameters to rebuild the weights. */
    Optional<PretrainedModelSet> find(String name, List<ParameterSpec> specs);

    /** Names of the stored sets, sorted. */
    List<String> names();

    boolean delete(String name);
}

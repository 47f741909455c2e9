package org.ddjvm.adapters.dl4j;

import org.ddjvm.domain.tensor.BackendSettings;
import org.ddjvm.domain.tensor.TensorBackend;
import org.ddjvm.domain.tensor.TensorOps;

/** Offers {@link Dl4jTensorOps} (ND4J) to {@link java.util.ServiceLoader} as backend "dl4j". */
public final class Dl4jBackend implements TensorBackend {

    public static final String NAME = "dl4j";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TensorOps open(BackendSettings settings) {
        return new Dl4jTensorOps(new Dl4jSettings(settings.threads(), settings.cacheDir(), settings.device()));
    }
}

package org.ddjvm.adapters.djl;

import org.ddjvm.domain.tensor.BackendSettings;
import org.ddjvm.domain.tensor.TensorBackend;
import org.ddjvm.domain.tensor.TensorOps;

/** Offers {@link DjlTensorOps} (PyTorch through DJL) to {@link java.util.ServiceLoader} as backend "djl". */
public final class DjlBackend implements TensorBackend {

    public static final String NAME = "djl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TensorOps open(BackendSettings settings) {
        return new DjlTensorOps(new DjlSettings(settings.threads(), settings.cacheDir(), settings.device()));
    }
}

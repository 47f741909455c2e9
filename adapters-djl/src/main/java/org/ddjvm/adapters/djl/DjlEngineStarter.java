package org.ddjvm.adapters.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/** Starts DJL's PyTorch engine offline, with the threads and cache directory of a {@link DjlSettings}. */
final class DjlEngineStarter {

    static final String ENGINE = "PyTorch";

    private static final System.Logger LOG = System.getLogger(DjlEngineStarter.class.getName());

    private DjlEngineStarter() {
    }

    /** Sets the engine's system properties, loads it, and returns the device to compute on. */
    static Device start(DjlSettings settings) {
        String threads = Integer.toString(settings.threads());
        String cache = settings.cacheDir().toAbsolutePath().toString();
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", threads);
        System.setProperty("ai.djl.pytorch.num_interop_threads", threads);
        System.setProperty("DJL_CACHE_DIR", cache);
        System.setProperty("ENGINE_CACHE_DIR", cache);
        if (System.getenv("MALLOC_MMAP_THRESHOLD_") == null || System.getenv("MALLOC_TRIM_THRESHOLD_") == null) {
            LOG.log(System.Logger.Level.INFO, "MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ are not set: large"
                    + " batches may run many times slower while glibc hands libtorch's buffers back to the kernel"
                    + " (see DjlSettings)");
        }
        Engine engine = Engine.getEngine(ENGINE);
        if (JniUtils.getNumThreads() != settings.threads()) {
            // the engine was already running with other settings: intra-op threads can still change
            JniUtils.setNumThreads(settings.threads());
        }
        if (!settings.gpu()) {
            return Device.cpu();
        }
        if (engine.getGpuCount() == 0) {
            throw new IllegalStateException("DJL device \"gpu\" requested but PyTorch " + engine.getVersion()
                    + " sees no CUDA device (CPU-only libtorch on the class path, or no GPU)");
        }
        return Device.gpu();
    }
}

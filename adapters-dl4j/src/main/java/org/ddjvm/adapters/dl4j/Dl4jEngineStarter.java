package org.ddjvm.adapters.dl4j;

import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Loads ND4J with the threads and JavaCPP cache directory of a {@link Dl4jSettings} and checks the device. */
final class Dl4jEngineStarter {

    static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";
    /**
     * With a positive limit JavaCPP reads the process's resident size on every native allocation (it compares it
     * with the limit to decide when to run the garbage collector); the tensors here live in workspaces instead.
     */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private Dl4jEngineStarter() {
    }

    /** Sets the system properties JavaCPP reads once, loads ND4J, and applies threads and device. */
    static void start(Dl4jSettings settings) {
        System.setProperty(CACHE_DIR, settings.cacheDir().toAbsolutePath().toString());
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null && System.getProperty("org.bytedeco.javacpp.maxphysicalbytes") == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
        boolean cpuBackend;
        try {
            cpuBackend = Nd4j.getEnvironment().isCPU();
        } catch (Throwable e) {
            throw new IllegalStateException("ND4J could not start its native backend (" + rootMessage(e) + ")", e);
        }
        if (settings.gpu() && cpuBackend) {
            throw new IllegalStateException("ND4J device \"gpu\" requested but only its CPU backend (nd4j-native) is"
                    + " on the class path: build with -Pdl4j-gpu for nd4j-cuda-11.6");
        }
        if (!settings.gpu() && !cpuBackend) {
            throw new IllegalStateException("ND4J runs on its CUDA backend here but device \"cpu\" was requested:"
                    + " use the dl4j-gpu profile, or a build without -Pdl4j-gpu");
        }
        // the per-op profiler (on by default: SCOPE_PANIC) checks every operand's workspace, tens of microseconds
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        Nd4j.getEnvironment().setMaxThreads(settings.threads());
        Nd4j.getEnvironment().setMaxMasterThreads(settings.threads());
        if (cpuBackend) {
            // OpenMP (oneDNN and libnd4j's loops) and OpenBLAS read OMP_NUM_THREADS at load; set both again here
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(settings.threads());
            Nd4j.factory().blas().setMaxThreads(settings.threads());
        }
    }

    /** The innermost cause's message, on one line. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text).strip();
    }
}

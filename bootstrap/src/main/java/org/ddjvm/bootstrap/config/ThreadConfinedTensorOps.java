package org.ddjvm.bootstrap.config;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.ddjvm.domain.tensor.TensorOps;

/**
 * The backend's {@link TensorOps} as one bean, with one instance per thread behind it. The port is used from one
 * thread at a time (an instance's scopes form one stack), while {@code dd serve} executes
 * {@code dd.queue.concurrency} runs at once, each on its own worker thread: sharing one instance made concurrent
 * runs fail ("scopes must be closed in reverse order of opening"). A command-line process uses one thread, so one
 * instance. Closing the bean closes every instance.
 */
final class ThreadConfinedTensorOps implements InvocationHandler {

    private final String backendName;
    private final Supplier<TensorOps> open;
    private final ThreadLocal<TensorOps> current = new ThreadLocal<>();
    private final List<TensorOps> opened = new ArrayList<>();
    private boolean closed;

    private ThreadConfinedTensorOps(String backendName, Supplier<TensorOps> open) {
        this.backendName = backendName;
        this.open = open;
    }

    /**
     * The bean: a {@link TensorOps} that is also {@link AutoCloseable}. Opens the calling thread's instance at once,
     * so a backend that cannot start fails here, as before.
     */
    static TensorOps create(String backendName, Supplier<TensorOps> open) {
        ThreadConfinedTensorOps handler = new ThreadConfinedTensorOps(backendName, open);
        handler.instance();
        return (TensorOps) Proxy.newProxyInstance(TensorOps.class.getClassLoader(),
                new Class<?>[] {TensorOps.class, AutoCloseable.class}, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        boolean noArgs = args == null || args.length == 0;
        switch (method.getName()) {
            case "close" -> {
                if (noArgs) {
                    close();
                    return null;
                }
            }
            case "backendName" -> {
                if (noArgs) {
                    return backendName;
                }
            }
            case "toString" -> {
                if (noArgs) {
                    return "TensorOps(" + backendName + ", one per thread)";
                }
            }
            case "hashCode" -> {
                if (noArgs) {
                    return System.identityHashCode(proxy);
                }
            }
            case "equals" -> {
                if (args != null && args.length == 1) {
                    return proxy == args[0];
                }
            }
            default -> {
            }
        }
        try {
            return method.invoke(instance(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private TensorOps instance() {
        TensorOps ops = current.get();
        if (ops == null) {
            synchronized (opened) {
                if (closed) {
                    throw new IllegalStateException("the " + backendName + " backend is closed");
                }
                ops = open.get();
                opened.add(ops);
            }
            current.set(ops);
        }
        return ops;
    }

    private void close() throws Exception {
        List<TensorOps> all;
        synchronized (opened) {
            closed = true;
            all = new ArrayList<>(opened);
            opened.clear();
        }
        Exception failure = null;
        for (TensorOps ops : all) {
            if (ops instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

package org.ddjvm.domain.tensor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** For tests and benchmarks: a backend as it is, but declaring whether it shares tensors across threads. */
public final class SharingDeclared {

    private SharingDeclared() {
    }

    /**
     * {@code inner}, answering {@link TensorOps#sharesTensorsAcrossThreads()} with {@code shares}; every other call
     * goes to {@code inner}.
     */
    public static TensorOps as(TensorOps inner, boolean shares) {
        return (TensorOps) Proxy.newProxyInstance(TensorOps.class.getClassLoader(), new Class<?>[] {TensorOps.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sharesTensorsAcrossThreads")) {
                        return shares;
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

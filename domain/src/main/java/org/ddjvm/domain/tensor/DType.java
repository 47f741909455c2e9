package org.ddjvm.domain.tensor;

/** Floating-point precision of a tensor. The engine runs in float32; gradient checks run in float64. */
public enum DType {
    FLOAT32,
    FLOAT64
}

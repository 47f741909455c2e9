package org.ddjvm.application.runs;

/** What an evaluation measured: the distilled data or a baseline under the same protocol. */
public enum EvaluationKind {
    DISTILLED,
    RANDOM_REAL
}

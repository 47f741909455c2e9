package org.ddjvm.domain.data;

public enum Split {
    TRAIN,
    TEST
}

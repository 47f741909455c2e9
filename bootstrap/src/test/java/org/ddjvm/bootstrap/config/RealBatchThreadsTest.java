package org.ddjvm.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RealBatchThreadsTest {

    @Test
    void autoUsesTwoCoresOnTheCpuAndOneThreadOnAGpu() {
        assertThat(RealBatchThreads.parse("auto", false, 2).threads()).isEqualTo(2);
        assertThat(RealBatchThreads.parse(" AUTO ", false, 16).threads()).isEqualTo(2);
        assertThat(RealBatchThreads.parse("auto", false, 1).threads()).isEqualTo(1);
        assertThat(RealBatchThreads.parse("", false, 2).threads()).isEqualTo(2);
        assertThat(RealBatchThreads.parse("auto", true, 16).threads()).isEqualTo(1);
        assertThat(RealBatchThreads.parse("auto", false, 2).helperLanes()).isEqualTo(1);
    }

    @Test
    void aNumberIsTakenAsGiven() {
        assertThat(RealBatchThreads.parse("1", false, 2).helperLanes()).isZero();
        assertThat(RealBatchThreads.parse("4", true, 2).threads()).isEqualTo(4);
    }

    @Test
    void badValuesNameThePropertyAndTheValue() {
        assertThatThrownBy(() -> RealBatchThreads.parse("two", false, 2))
                .hasMessage("dd.real-batch-threads must be \"auto\" or a whole number of at least 1, was \"two\"");
        assertThatThrownBy(() -> RealBatchThreads.parse("0", false, 2))
                .hasMessage("dd.real-batch-threads must be \"auto\" or a whole number of at least 1, was 0");
    }
}

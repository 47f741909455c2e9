package org.ddjvm.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LaneThreadsTest {

    @Test
    void autoUsesTwoCoresOnTheCpuAndOneThreadOnAGpu() {
        assertThat(LaneThreads.parse("auto", false, 2).threads()).isEqualTo(2);
        assertThat(LaneThreads.parse(" AUTO ", false, 16).threads()).isEqualTo(2);
        assertThat(LaneThreads.parse("auto", false, 1).threads()).isEqualTo(1);
        assertThat(LaneThreads.parse("", false, 2).threads()).isEqualTo(2);
        assertThat(LaneThreads.parse("auto", true, 16).threads()).isEqualTo(1);
        assertThat(LaneThreads.parse("auto", false, 2).helperLanes()).isEqualTo(1);
    }

    @Test
    void aNumberIsTakenAsGiven() {
        assertThat(LaneThreads.parse("1", false, 2).helperLanes()).isZero();
        assertThat(LaneThreads.parse("4", true, 2).threads()).isEqualTo(4);
    }

    @Test
    void badValuesNameThePropertyAndTheValue() {
        assertThatThrownBy(() -> LaneThreads.parse("two", false, 2))
                .hasMessage("dd.lanes must be \"auto\" or a whole number of at least 1, was \"two\"");
        assertThatThrownBy(() -> LaneThreads.parse("0", false, 2))
                .hasMessage("dd.lanes must be \"auto\" or a whole number of at least 1, was 0");
    }
}

package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LittleEndianTest {

    @Test
    void doublesAreLittleEndianFloat64BitForBit() {
        double[] values = Fixtures.awkwardDoubles(50, 5);

        byte[] bytes = LittleEndian.bytes(values);

        assertThat(bytes).hasSize(400);
        assertThat(Arrays.stream(LittleEndian.doubles(bytes)).mapToLong(Double::doubleToRawLongBits).toArray())
                .isEqualTo(Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray());
        assertThat(LittleEndian.bytes(new double[] {1.0}))
                .containsExactly(0, 0, 0, 0, 0, 0, (byte) 0xf0, 0x3f);
    }

    @Test
    void floatsAndIntsRoundTrip() {
        float[] floats = {1.5f, -0.0f, Float.intBitsToFloat(0x7fc0_0001), Float.MIN_VALUE};
        int[] ints = {0, 9, -1, Integer.MAX_VALUE};

        assertThat(LittleEndian.bytes(new float[] {1.0f})).containsExactly(0, 0, (byte) 0x80, 0x3f);
        assertThat(LittleEndian.bytes(new int[] {1})).containsExactly(1, 0, 0, 0);
        float[] back = LittleEndian.floats(LittleEndian.bytes(floats));
        for (int i = 0; i < floats.length; i++) {
            assertThat(Float.floatToRawIntBits(back[i])).isEqualTo(Float.floatToRawIntBits(floats[i]));
        }
        assertThat(LittleEndian.ints(LittleEndian.bytes(ints))).containsExactly(ints);
        assertThat(LittleEndian.doubles(new byte[0])).isEmpty();
    }

    @Test
    void aTruncatedArrayIsAnError() {
        assertThatThrownBy(() -> LittleEndian.doubles(new byte[12])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("12 bytes");
    }
}

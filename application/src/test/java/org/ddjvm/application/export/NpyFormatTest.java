package org.ddjvm.application.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyFormatTest {

    @Test
    void headerFollowsTheNumpyFormatByteForByte() {
        float[] data = new float[2 * 3 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = i - 1.5f;
        }
        byte[] npy = NpyFormat.encode(NpyArray.ofFloats("images", new int[] {2, 3, 4}, data));

        // magic \x93NUMPY, then version 1.0
        assertThat(Arrays.copyOfRange(npy, 0, 6))
                .containsExactly((byte) 0x93, (byte) 'N', (byte) 'U', (byte) 'M', (byte) 'P', (byte) 'Y');
        assertThat(npy[6]).isEqualTo((byte) 1);
        assertThat(npy[7]).isEqualTo((byte) 0);
        // little-endian uint16 header length; data starts at a multiple of 64
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        int dataStart = 10 + headerLength;
        assertThat(dataStart % 64).isZero();
        assertThat(npy.length).isEqualTo(dataStart + data.length * 4);

        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 4), }";
        assertThat(header).startsWith(dict).endsWith("\n");
        assertThat(header.substring(dict.length(), header.length() - 1)).matches(" *");

        // C order little-endian float32 data
        ByteBuffer body = ByteBuffer.wrap(npy, dataStart, data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) {
            assertThat(body.getFloat()).isEqualTo(v);
        }
    }

    @Test
    void shapesAreWrittenAsPythonTuplesAndAlwaysAligned() {
        assertThat(header(NpyFormat.encode(NpyArray.ofLongs("labels", new int[] {3}, new long[] {1, 2, 3}))))
                .startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }");
        assertThat(header(NpyFormat.encode(NpyArray.ofDoubles("s", new int[0], new double[] {2.5}))))
                .startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (), }");
        assertThat(header(NpyFormat.encode(NpyArray.ofFloats("e", new int[] {0, 7}, new float[0]))))
                .startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 7), }");
        for (int rank = 0; rank < 40; rank++) {
            int[] shape = new int[rank];
            Arrays.fill(shape, 1);
            byte[] npy = NpyFormat.encode(NpyArray.ofFloats("x", shape, new float[1]));
            int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
            assertThat((10 + headerLength) % 64).isZero();
            assertThat(npy[10 + headerLength - 1]).isEqualTo((byte) '\n');
        }
    }

    @Test
    void decodeReadsWhatEncodeWrites() throws Exception {
        NpyArray[] arrays = {
            NpyArray.ofFloats("f", new int[] {2, 2}, new float[] {1f, -2f, Float.NaN, Float.MAX_VALUE}),
            NpyArray.ofLongs("l", new int[] {3}, new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE}),
            NpyArray.ofDoubles("d", new int[0], new double[] {Math.PI}),
            NpyArray.ofFloats("empty", new int[] {0}, new float[0]),
        };
        for (NpyArray a : arrays) {
            assertThat(NpyFormat.decode(a.name(), NpyFormat.encode(a))).isEqualTo(a);
        }
    }

    @Test
    void decodeAcceptsVersion2AndOldStyleHeaders() throws Exception {
        byte[] v2 = withHeader(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 16);
        ByteBuffer.wrap(v2, v2.length - 16, 16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).putDouble(-2);
        assertThat(NpyFormat.decode("v2", v2).doubles()).containsExactly(1.5, -2.0);

        // 16-byte alignment (NumPy < 1.9), no trailing space, keys in another order, Python 2 longs
        byte[] old = withHeader(1, "{'shape': (1L, 2L), 'fortran_order': False, 'descr': '<i8'}", 16);
        ByteBuffer.wrap(old, old.length - 16, 16).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(-7);
        NpyArray decoded = NpyFormat.decode("old", old);
        assertThat(decoded.shape()).containsExactly(1, 2);
        assertThat(decoded.longs()).containsExactly(7L, -7L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), } => unsupported dtype '>f4'",
        "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), } => unsupported dtype '<i4'",
        "{'descr': '|u1', 'fortran_order': False, 'shape': (2,), } => unsupported dtype '|u1'",
        "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), } => unsupported dtype [('a', '<f4')]",
        "{'descr': '<f4', 'fortran_order': True, 'shape': (2,), } => fortran_order True is not supported",
        "{'descr': '<f4', 'shape': (2,), } => header must have exactly the keys",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1, } => header must have exactly the keys",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1), } => malformed header",
        "{'descr': '<f4', 'fortran_order': False, 'shape': 2, } => shape must be a tuple",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2,) => malformed header",
        "not a dict at all => malformed header",
    })
    void badHeadersAreRefusedWithOneClearLine(String caseText) {
        String[] parts = caseText.split(" => ");
        byte[] npy = withHeader(1, parts[0], 8);
        assertThatThrownBy(() -> NpyFormat.decode("images", npy))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageStartingWith("entry 'images.npy': ")
                .hasMessageContaining(parts[1])
                .hasMessageNotContaining("\n");
    }

    @Test
    void badFramesAreRefusedWithOneClearLine() {
        byte[] good = NpyFormat.encode(NpyArray.ofFloats("x", new int[] {4}, new float[4]));

        byte[] badMagic = good.clone();
        badMagic[1] = 'X';
        assertThatThrownBy(() -> NpyFormat.decode("x", badMagic)).hasMessage(
                "entry 'x.npy': not a .npy array (missing \\x93NUMPY magic)");

        byte[] v3 = good.clone();
        v3[6] = 3;
        assertThatThrownBy(() -> NpyFormat.decode("x", v3)).hasMessage(
                "entry 'x.npy': unsupported .npy format version 3.0 (supported: 1.0, 2.0)");

        assertThatThrownBy(() -> NpyFormat.decode("x", Arrays.copyOf(good, good.length - 3))).hasMessage(
                "entry 'x.npy': data truncated: shape (4,) of <f4 needs 16 bytes, found 13");

        assertThatThrownBy(() -> NpyFormat.decode("x", Arrays.copyOf(good, good.length + 5))).hasMessage(
                "entry 'x.npy': 5 unexpected bytes after the data of shape (4,) <f4");

        assertThatThrownBy(() -> NpyFormat.decode("x", Arrays.copyOf(good, 40)))
                .hasMessageStartingWith("entry 'x.npy': header truncated");

        assertThatThrownBy(() -> NpyFormat.decode("x", new byte[3]))
                .hasMessage("entry 'x.npy': too short for a .npy header (3 bytes)");
    }

    @Test
    void arraysValidateShapeAgainstData() {
        assertThatThrownBy(() -> NpyArray.ofFloats("x", new int[] {2, 3}, new float[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 6 elements but data has 5");
        assertThatThrownBy(() -> new NpyArray("x", new int[] {1}, NpyArray.DType.INT64, new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs data of type long[]");
        NpyArray a = NpyArray.ofFloats("x", new int[] {2}, new float[] {1, 2});
        assertThatThrownBy(a::longs).isInstanceOf(IllegalStateException.class);
        a.floats()[0] = 99; // copies out
        assertThat(a.floats()).containsExactly(1f, 2f);
    }

    private static String header(byte[] npy) {
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        return new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
    }

    /** A .npy with this header dict (version 1 or 2, padded to 16 bytes, newline-terminated) and zero data. */
    private static byte[] withHeader(int major, String dict, int dataBytes) {
        int prefix = major == 1 ? 10 : 12;
        String header = dict;
        while ((prefix + header.length() + 1) % 16 != 0) {
            header += " ";
        }
        header += "\n";
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.allocate(prefix + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(NpyFormat.MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            buf.putShort((short) h.length);
        } else {
            buf.putInt(h.length);
        }
        buf.put(h);
        return buf.array();
    }
}

package org.ddjvm.application.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NumPy {@code .npy} format (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html) for
 * {@link NpyArray}: encodes version 1.0 (2.0 only when a header outgrows 64 KiB), decodes 1.0 and 2.0 headers
 * with {@code '<f4'}, {@code '<f8'} or {@code '<i8'} data in C order.
 */
public final class NpyFormat {

    /** The six magic bytes every {@code .npy} file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Data starts at a multiple of this many bytes, as NumPy writes it. */
    static final int ALIGN = 64;

    private NpyFormat() {
    }

    /** The complete {@code .npy} file for {@code array}: header then little-endian C-order data. */
    public static byte[] encode(NpyArray array) {
        String dict = "{'descr': '" + array.dtype().descr() + "', 'fortran_order': False, 'shape': "
                + array.shapeString() + ", }";
        int major = 1;
        int prefix = MAGIC.length + 2 + 2;
        int headerLength = padded(prefix, dict.length());
        if (headerLength > 0xFFFF) {
            major = 2;
            prefix = MAGIC.length + 2 + 4;
            headerLength = padded(prefix, dict.length());
        }
        long dataBytes = (long) array.size() * array.dtype().itemSize();
        long total = prefix + headerLength + dataBytes;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("array '" + array.name() + "' is too large for one .npy entry ("
                    + total + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            buf.putShort((short) headerLength);
        } else {
            buf.putInt(headerLength);
        }
        byte[] header = (dict + " ".repeat(headerLength - dict.length() - 1) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        buf.put(header);
        Object data = array.data();
        switch (array.dtype()) {
            case FLOAT32 -> buf.asFloatBuffer().put((float[]) data);
            case INT64 -> buf.asLongBuffer().put((long[]) data);
            case FLOAT64 -> buf.asDoubleBuffer().put((double[]) data);
        }
        return buf.array();
    }

    /** Header length (dict, spaces and the final newline) so that prefix + header is a multiple of 64. */
    private static int padded(int prefix, int dictLength) {
        int minimum = prefix + dictLength + 1;
        int total = (minimum + ALIGN - 1) / ALIGN * ALIGN;
        return total - prefix;
    }

    /**
     * Reads one {@code .npy} file. Errors name the entry ({@code name + ".npy"}) and the problem in one line.
     *
     * @param name the array name (the zip entry name without {@code .npy})
     */
    public static NpyArray decode(String name, byte[] bytes) throws ExportFormatException {
        String entry = "entry '" + name + ".npy': ";
        if (bytes.length < MAGIC.length + 4) {
            throw new ExportFormatException(entry + "too short for a .npy header (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new ExportFormatException(entry + "not a .npy array (missing \\x93NUMPY magic)");
            }
        }
        int major = bytes[6] & 0xFF;
        int minor = bytes[7] & 0xFF;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength;
        int prefix;
        if (major == 1 && minor == 0) {
            headerLength = buf.getShort(8) & 0xFFFF;
            prefix = 10;
        } else if (major == 2 && minor == 0) {
            if (bytes.length < 12) {
                throw new ExportFormatException(entry + "too short for a .npy 2.0 header (" + bytes.length
                        + " bytes)");
            }
            headerLength = buf.getInt(8) & 0xFFFFFFFFL;
            prefix = 12;
        } else {
            throw new ExportFormatException(entry + "unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0)");
        }
        if (prefix + headerLength > bytes.length) {
            throw new ExportFormatException(entry + "header truncated: it declares " + headerLength
                    + " bytes but only " + (bytes.length - prefix) + " follow");
        }
        String header = new String(bytes, prefix, (int) headerLength, StandardCharsets.ISO_8859_1);
        Map<String, Object> dict;
        try {
            dict = new HeaderParser(header).parseDict();
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(entry + "malformed header: " + e.getMessage());
        }
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new ExportFormatException(entry + "header must have exactly the keys 'descr', 'fortran_order', "
                    + "'shape', found " + dict.keySet());
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String descrString)) {
            throw new ExportFormatException(entry + "unsupported dtype " + describe(descr)
                    + " (supported: '<f4', '<f8', '<i8')");
        }
        NpyArray.DType dtype = NpyArray.DType.fromDescr(descrString);
        if (dtype == null) {
            throw new ExportFormatException(entry + "unsupported dtype '" + descrString
                    + "' (supported: '<f4', '<f8', '<i8')");
        }
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw new ExportFormatException(entry + "fortran_order must be True or False, found "
                    + describe(fortran));
        }
        if (fortranOrder) {
            throw new ExportFormatException(entry + "fortran_order True is not supported (C order only)");
        }
        Object shapeValue = dict.get("shape");
        if (!(shapeValue instanceof int[] shape)) {
            throw new ExportFormatException(entry + "shape must be a tuple of integers, found "
                    + describe(shapeValue));
        }
        long count = NpyArray.elementCount(shape);
        if (count < 0) {
            throw new ExportFormatException(entry + "unsupported shape " + NpyArray.pythonTuple(shape)
                    + " (negative or more than 2^31 elements)");
        }
        long expected = count * dtype.itemSize();
        long available = bytes.length - prefix - headerLength;
        if (available < expected) {
            throw new ExportFormatException(entry + "data truncated: shape " + NpyArray.pythonTuple(shape) + " of "
                    + descrString + " needs " + expected + " bytes, found " + available);
        }
        if (available > expected) {
            throw new ExportFormatException(entry + (available - expected) + " unexpected bytes after the data of "
                    + "shape " + NpyArray.pythonTuple(shape) + " " + descrString);
        }
        buf.position((int) (prefix + headerLength));
        ByteBuffer body = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
        return switch (dtype) {
            case FLOAT32 -> {
                float[] f = new float[(int) count];
                body.asFloatBuffer().get(f);
                yield NpyArray.ofFloats(name, shape, f);
            }
            case INT64 -> {
                long[] l = new long[(int) count];
                body.asLongBuffer().get(l);
                yield NpyArray.ofLongs(name, shape, l);
            }
            case FLOAT64 -> {
                double[] d = new double[(int) count];
                body.asDoubleBuffer().get(d);
                yield NpyArray.ofDoubles(name, shape, d);
            }
        };
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof int[] tuple) {
            return NpyArray.pythonTuple(tuple);
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return value.toString();
    }

    /**
     * Parses the Python literal dict of a {@code .npy} header: string keys; values are strings, True/False,
     * integers, tuples of integers, or (for structured dtypes, which are then refused) lists.
     */
    private static final class HeaderParser {
        private final String s;
        private int pos;

        HeaderParser(String s) {
            this.s = s;
        }

        Map<String, Object> parseDict() {
            skipSpace();
            expect('{');
            Map<String, Object> dict = new LinkedHashMap<>();
            skipSpace();
            while (peek() != '}') {
                Object key = parseValue();
                if (!(key instanceof String k)) {
                    throw new IllegalArgumentException("dict key at offset " + pos + " is not a string");
                }
                skipSpace();
                expect(':');
                Object value = parseValue();
                if (dict.put(k, value) != null) {
                    throw new IllegalArgumentException("duplicate key '" + k + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at offset " + pos);
                }
            }
            pos++;
            skipSpace();
            if (pos != s.length()) {
                throw new IllegalArgumentException("unexpected text after the dict at offset " + pos);
            }
            return dict;
        }

        private Object parseValue() {
            skipSpace();
            char c = peek();
            if (c == '\'' || c == '"') {
                return parseString(c);
            }
            if (c == '(') {
                return parseTuple();
            }
            if (c == '[') {
                return parseList();
            }
            if (c == '-' || Character.isDigit(c)) {
                return parseInt();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("unexpected " + (c == 0 ? "end" : "'" + c + "'") + " at offset "
                    + pos);
        }

        private String parseString(char quote) {
            pos++;
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != quote) {
                if (s.charAt(pos) == '\\') {
                    throw new IllegalArgumentException("escape sequences in strings are not supported");
                }
                pos++;
            }
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unterminated string");
            }
            return s.substring(start, pos++);
        }

        private long parseInt() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                pos++; // Python 2 long literal, as very old NumPy wrote
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad integer '" + digits + "'");
            }
        }

        private int[] parseTuple() {
            pos++;
            List<Long> items = new ArrayList<>();
            skipSpace();
            while (peek() != ')') {
                Object item = parseValue();
                if (!(item instanceof Long l)) {
                    throw new IllegalArgumentException("shape tuple holds a non-integer");
                }
                items.add(l);
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != ')') {
                    throw new IllegalArgumentException("expected ',' or ')' at offset " + pos);
                }
            }
            pos++;
            int[] tuple = new int[items.size()];
            for (int i = 0; i < tuple.length; i++) {
                long v = items.get(i);
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("shape dimension " + v + " out of range");
                }
                tuple[i] = (int) v;
            }
            return tuple;
        }

        /** A Python literal kept as text, e.g. the list of a structured dtype. */
        private record Raw(String text) {
            @Override
            public String toString() {
                return text;
            }
        }

        private Raw parseList() {
            int depth = 0;
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    return new Raw(s.substring(start, pos));
                }
            }
            throw new IllegalArgumentException("unterminated list");
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + pos);
            }
            pos++;
        }
    }
}

package org.ddjvm.bootstrap.cli;

import org.ddjvm.domain.tensor.DType;
import picocli.CommandLine;

final class DTypeConverter implements CommandLine.ITypeConverter<DType> {

    @Override
    public DType convert(String value) {
        return switch (value) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw new CommandLine.TypeConversionException("'" + value + "' is not float32 or float64");
        };
    }
}

package org.ddjvm.bootstrap.cli;

import org.ddjvm.domain.distill.InitMode;
import picocli.CommandLine;

final class InitModeConverter implements CommandLine.ITypeConverter<InitMode> {

    @Override
    public InitMode convert(String value) {
        return switch (value) {
            case "fixed" -> InitMode.FIXED;
            case "random" -> InitMode.RANDOM;
            default -> throw new CommandLine.TypeConversionException("'" + value + "' is not fixed or random");
        };
    }
}

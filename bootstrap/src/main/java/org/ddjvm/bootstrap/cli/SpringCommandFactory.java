package org.ddjvm.bootstrap.cli;

import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** Lets picocli create commands through Spring, so they get their collaborators by constructor injection. */
public final class SpringCommandFactory implements CommandLine.IFactory {

    private final ApplicationContext context;

    public SpringCommandFactory(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls.getPackageName().startsWith("org.ddjvm")) {
            return context.getAutowireCapableBeanFactory().createBean(cls);
        }
        return CommandLine.defaultFactory().create(cls);
    }
}

package org.ddjvm.bootstrap.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.ddjvm.application.attack.AttackConfig;
import org.ddjvm.application.attack.AttackConfigs;
import org.ddjvm.application.attack.AttackSpec;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dd attack-configs add|list|remove}: stored poisoning-attack configurations. */
@Command(name = "attack-configs", mixinStandardHelpOptions = true,
        description = "Manage stored poisoning-attack configurations (attacked class K, target class T).",
        subcommands = {AttackConfigsCommand.Add.class, AttackConfigsCommand.ListConfigs.class,
                AttackConfigsCommand.Remove.class})
public class AttackConfigsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add, list or remove");
    }

    /** {@code dd attack-configs add NAME --attacked K --target T}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Store a poisoning-attack configuration.")
    public static class Add implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "unique name")
        String name;

        @Option(names = "--dataset", defaultValue = "mnist", description = "dataset (default: ${DEFAULT-VALUE})")
        String dataset;

        @Option(names = "--attacked", required = true, paramLabel = "K", description = "the attacked class")
        int attacked;

        @Option(names = "--target", required = true, paramLabel = "T",
                description = "the class its images should be predicted as")
        int target;

        @Option(names = "--model-set", description = "pre-trained model set the attack targets (optional)")
        String modelSet;

        @Option(names = "--notes", defaultValue = "", description = "free text")
        String notes;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final ObjectProvider<AttackConfigs> configs;

        public Add(ObjectProvider<AttackConfigs> configs) {
            this.configs = configs;
        }

        @Override
        public Integer call() {
            AttackSpec attack = new AttackSpec(name, dataset, attacked, target, modelSet, notes);
            AttackConfig stored = configs.getObject().create(attack, System.getProperty("user.name", "unknown"));
            spec.commandLine().getOut().printf("stored attack config %s: %s, class %d → %d%n", stored.name(),
                    attack.dataset(), attack.attackedClass(), attack.targetClass());
            return 0;
        }
    }

    /** {@code dd attack-configs list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored attack configurations.")
    public static class ListConfigs implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final ObjectProvider<AttackConfigs> configs;

        public ListConfigs(ObjectProvider<AttackConfigs> configs) {
            this.configs = configs;
        }

        @Override
        public Integer call() {
            List<AttackConfig> all = configs.getObject().list();
            var out = spec.commandLine().getOut();
            if (all.isEmpty()) {
                out.println("no attack configs stored");
                return 0;
            }
            out.printf("%-24s %-14s %8s %6s %-16s %-12s %s%n", "NAME", "DATASET", "ATTACKED", "TARGET", "MODEL SET",
                    "CREATED BY", "NOTES");
            for (AttackConfig c : all) {
                AttackSpec a = c.spec();
                out.printf("%-24s %-14s %8d %6d %-16s %-12s %s%n", a.name(), a.dataset(), a.attackedClass(),
                        a.targetClass(), a.modelSet() == null ? "-" : a.modelSet(), c.createdBy(), a.notes());
            }
            return 0;
        }
    }

    /** {@code dd attack-configs remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Delete a stored attack configuration.")
    public static class Remove implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "the config's name")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final ObjectProvider<AttackConfigs> configs;

        public Remove(ObjectProvider<AttackConfigs> configs) {
            this.configs = configs;
        }

        @Override
        public Integer call() {
            if (!configs.getObject().delete(name)) {
                spec.commandLine().getErr().println("dd attack-configs remove: no attack config named " + name);
                return 1;
            }
            spec.commandLine().getOut().println("removed attack config " + name);
            return 0;
        }
    }
}

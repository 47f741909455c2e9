package org.ddjvm.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.ddjvm.application.pretrained.PretrainedModelSet;
import org.ddjvm.domain.distill.WeightVector;
import org.ddjvm.domain.nn.ParameterSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcPretrainedModelSetsTest {

    @RegisterExtension
    static final MigratedDatabase db = new MigratedDatabase();

    private final MutableClock clock = new MutableClock();
    private final List<ParameterSpec> specs = Fixtures.lenetSpecs();
    private JdbcPretrainedModelSets sets;

    @BeforeEach
    void emptyTables() {
        db.truncate("pretrained_model_sets CASCADE");
        sets = new JdbcPretrainedModelSets(db.database(clock));
    }

    @Test
    void aSetReadsBackWithEveryModelBitForBit() {
        List<WeightVector> models = List.of(Fixtures.weights(specs, 1), Fixtures.weights(specs, 2),
                Fixtures.weights(specs, 3));

        sets.save(new PretrainedModelSet("usps-lenet", "usps", "lenet", models, null));

        PretrainedModelSet read = sets.find("usps-lenet", specs).orElseThrow();
        assertThat(read.name()).isEqualTo("usps-lenet");
        assertThat(read.dataset()).isEqualTo("usps");
        assertThat(read.architecture()).isEqualTo("lenet");
        assertThat(read.createdAt()).isEqualTo(Timestamps.now(clock));
        assertThat(read.models()).hasSize(3);
        for (int m = 0; m < 3; m++) {
            assertThat(read.models().get(m).specs()).isEqualTo(specs);
            for (int p = 0; p < specs.size(); p++) {
                assertThat(bits(read.models().get(m).values().get(p))).isEqualTo(bits(models.get(m).values().get(p)));
            }
        }
    }

    @Test
    void keepsAGivenCreationTime() {
        Instant at = Instant.parse("2025-01-02T03:04:05.678901Z");
        sets.save(new PretrainedModelSet("s", "mnist", "lenet", List.of(Fixtures.weights(specs, 1)), at));
        assertThat(sets.find("s", specs).orElseThrow().createdAt()).isEqualTo(at);
    }

    @Test
    void aTakenNameIsRefusedNamingTheSet() {
        sets.save(new PretrainedModelSet("pool", "mnist", "lenet", List.of(Fixtures.weights(specs, 1)), null));

        assertThatThrownBy(() -> sets.save(new PretrainedModelSet("pool", "usps", "lenet",
                List.of(Fixtures.weights(specs, 2)), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool");
        assertThat(sets.find("pool", specs).orElseThrow().dataset()).isEqualTo("mnist");
    }

    @Test
    void listsSortedNamesAndDeletes() {
        for (String name : new String[] {"b", "a", "c"}) {
            sets.save(new PretrainedModelSet(name, "mnist", "lenet", List.of(Fixtures.weights(specs, 1)), null));
        }
        assertThat(sets.names()).containsExactly("a", "b", "c");

        assertThat(sets.delete("b")).isTrue();
        assertThat(sets.delete("b")).isFalse();
        assertThat(sets.names()).containsExactly("a", "c");
        assertThat(sets.find("b", specs)).isEmpty();
        assertThat(JdbcClient.create(db.dataSource()).sql("SELECT count(*) FROM pretrained_models")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void weightsThatDoNotFitTheGivenArchitectureAreAnError() {
        sets.save(new PretrainedModelSet("lenets", "mnist", "lenet", List.of(Fixtures.weights(specs, 1)), null));
        assertThatThrownBy(() -> sets.find("lenets", specs.subList(0, 1))).isInstanceOf(IllegalStateException.class);
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}

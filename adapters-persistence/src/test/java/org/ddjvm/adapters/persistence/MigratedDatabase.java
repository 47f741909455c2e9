package org.ddjvm.adapters.persistence;

import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migrated {@link TestDatabase} for one test class: created before its first test and dropped after its last.
 * Register it as {@code @RegisterExtension static final MigratedDatabase db = new MigratedDatabase();}.
 */
final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

    private TestDatabase db;

    @Override
    public void beforeAll(ExtensionContext context) {
        db = TestDatabase.migrated();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        db.close();
    }

    DataSource dataSource() {
        return db.dataSource();
    }

    Database database(Clock clock) {
        return db.database(clock);
    }

    /** Empties the tables (and, with CASCADE, everything that refers to them) before a test. */
    void truncate(String tables) {
        JdbcClient.create(db.dataSource()).sql("TRUNCATE " + tables).update();
    }
}

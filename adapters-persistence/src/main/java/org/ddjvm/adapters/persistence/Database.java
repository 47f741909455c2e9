package org.ddjvm.adapters.persistence;

import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the JDBC stores share: a {@link JdbcClient} on the DataSource, transactions for writes that span several
 * statements, and the clock of their timestamps. Both go through Spring's connection binding, so a store called
 * inside a Spring-managed transaction on the same DataSource (a Spring Batch chunk) joins it and commits with it.
 *
 * @param jdbc          statements
 * @param transactions  PROPAGATION_REQUIRED: joins the caller's transaction, or opens one
 * @param clock         where {@code created_at} and the run timestamps come from
 */
public record Database(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {

    public Database {
        Objects.requireNonNull(jdbc, "jdbc");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(clock, "clock");
    }

    /** On {@code dataSource}, with a transaction manager of its own (it joins any other one's on the same pool). */
    public static Database of(DataSource dataSource, Clock clock) {
        return new Database(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
    }
}

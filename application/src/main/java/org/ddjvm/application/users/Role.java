package org.ddjvm.application.users;

/** What a user may do. */
public enum Role {
    /** Read runs, results, datasets and backends. */
    VIEWER,
    /** Launch, stop, resume and delete runs. */
    OPERATOR,
    /** Read and change poisoning-attack configurations (a role of its own, not implied by the others). */
    ATTACKER,
    /** Manage users. */
    ADMIN
}

package dev.sqlink.examples.boot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One row of the {@code note} table that {@code V1__notes.sql} creates. */
@Entity
public class Note {
    // IDENTITY: SQLite assigns the rowid; Hibernate reads it back through getGeneratedKeys.
    // The column must be declared exactly INTEGER to be the rowid (BIGINT PRIMARY KEY is not),
    // and Hibernate would expect BIGINT for a Long: columnDefinition tells its validator.
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private boolean done;

    protected Note() {}

    public Note(String title) {
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public boolean isDone() {
        return done;
    }

    public void markDone() {
        this.done = true;
    }
}

package dev.sqlink.conformance.consumers.orm;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The "one" side: an identity id and a one-to-many collection that cascades. */
@Entity
@Table(name = "author")
public class Author {

    // SQLiteDialect creates identity columns as "integer" (the rowid alias) while a Long maps to
    // bigint, so hbm2ddl=validate would reject its own schema; naming the type keeps both in step.
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    private LocalDate born;

    @Column(nullable = false)
    private boolean active;

    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("title")
    private List<Book> books = new ArrayList<>();

    protected Author() {
    }

    public Author(String name, LocalDate born, boolean active) {
        this.name = name;
        this.born = born;
        this.active = active;
    }

    public Book write(Book book) {
        book.setAuthor(this);
        books.add(book);
        return book;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getBorn() {
        return born;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<Book> getBooks() {
        return books;
    }
}

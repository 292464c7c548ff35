package dev.sqlink.conformance.consumers.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The "many" side, with one column of every kind of value an application maps. */
@Entity
@Table(name = "book", indexes = @Index(name = "book_by_published", columnList = "published"))
public class Book {

    // SQLiteDialect creates identity columns as "integer" (the rowid alias) while a Long maps to
    // bigint, so hbm2ddl=validate would reject its own schema; naming the type keeps both in step.
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private Author author;

    private LocalDate published;

    @Column(name = "catalogued_at")
    private LocalDateTime cataloguedAt;

    @Column(name = "last_sold")
    private Instant lastSold;

    @Column(precision = 10, scale = 2)
    private BigDecimal price;

    @Column(name = "in_print", nullable = false)
    private boolean inPrint;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Genre genre;

    private byte[] cover;

    protected Book() {
    }

    public Book(String title, LocalDate published, BigDecimal price, Genre genre) {
        this.title = title;
        this.published = published;
        this.price = price;
        this.genre = genre;
        this.inPrint = true;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Author getAuthor() {
        return author;
    }

    void setAuthor(Author author) {
        this.author = author;
    }

    public LocalDate getPublished() {
        return published;
    }

    public LocalDateTime getCataloguedAt() {
        return cataloguedAt;
    }

    public void setCataloguedAt(LocalDateTime cataloguedAt) {
        this.cataloguedAt = cataloguedAt;
    }

    public Instant getLastSold() {
        return lastSold;
    }

    public void setLastSold(Instant lastSold) {
        this.lastSold = lastSold;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public boolean isInPrint() {
        return inPrint;
    }

    public void setInPrint(boolean inPrint) {
        this.inPrint = inPrint;
    }

    public Genre getGenre() {
        return genre;
    }

    public byte[] getCover() {
        return cover;
    }

    public void setCover(byte[] cover) {
        this.cover = cover;
    }
}

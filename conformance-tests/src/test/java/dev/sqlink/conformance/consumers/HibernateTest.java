package dev.sqlink.conformance.consumers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.sqlink.conformance.consumers.orm.Attachment;
import dev.sqlink.conformance.consumers.orm.Author;
import dev.sqlink.conformance.consumers.orm.Book;
import dev.sqlink.conformance.consumers.orm.Genre;
import dev.sqlink.conformance.consumers.orm.RowidAwareSQLiteDialect;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate ORM 7 with the community SQLiteDialect, bootstrapped in code the way a plain Java
 * application does it: schema creation, CRUD over a one-to-many relation with every common value
 * type, JPQL paging and ordering, then schema validation by a fresh session factory.
 */
class HibernateTest {

    private static final Instant SOLD = Instant.parse("2024-02-29T23:59:58.123Z");
    private static final LocalDateTime CATALOGUED = LocalDateTime.of(2023, 12, 31, 8, 15, 30, 456_000_000);

    @TempDir
    Path directory;

    private HikariDataSource pool;

    @BeforeEach
    void openPool() {
        pool = new ConsumerDatabase(directory, "hibernate").pool("hibernate", 2);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void crudOverRelationsKeepsEveryValueType() {
        byte[] cover = new byte[300];
        for (int i = 0; i < cover.length; i++) {
            cover[i] = (byte) (i * 7);
        }
        long authorId;
        try (SessionFactory sessions = sessionFactory("create")) {
            authorId = sessions.fromTransaction(session -> {
                Author ada = new Author("Ada", LocalDate.of(1815, 12, 10), true);
                Book notes = ada.write(new Book("Notes", LocalDate.of(1843, 9, 1), new BigDecimal("1234567.89"), Genre.SCIENCE));
                notes.setCataloguedAt(CATALOGUED);
                notes.setLastSold(SOLD);
                notes.setCover(cover);
                ada.write(new Book("Letters", LocalDate.of(1840, 1, 1), new BigDecimal("0.05"), Genre.HISTORY));
                session.persist(ada);
                return ada.getId();
            });
            assertTrue(authorId > 0, "identity id assigned on insert");

            sessions.inSession(session -> {
                Author ada = session.find(Author.class, authorId);
                assertEquals("Ada", ada.getName());
                assertEquals(LocalDate.of(1815, 12, 10), ada.getBorn());
                assertTrue(ada.isActive());
                List<Book> books = ada.getBooks();
                assertEquals(List.of("Letters", "Notes"), books.stream().map(Book::getTitle).toList());
                Book notes = books.get(1);
                assertNotNull(notes.getId());
                assertEquals(LocalDate.of(1843, 9, 1), notes.getPublished());
                assertEquals(CATALOGUED, notes.getCataloguedAt());
                assertEquals(SOLD, notes.getLastSold());
                assertEquals(0, new BigDecimal("1234567.89").compareTo(notes.getPrice()), () -> "price " + notes.getPrice());
                assertTrue(notes.isInPrint());
                assertEquals(Genre.SCIENCE, notes.getGenre());
                assertArrayEquals(cover, notes.getCover());
                Book letters = books.get(0);
                assertNull(letters.getCover());
                assertNull(letters.getLastSold());
                assertEquals(0, new BigDecimal("0.05").compareTo(letters.getPrice()));
            });

            sessions.inTransaction(session -> {
                Author ada = session.find(Author.class, authorId);
                ada.setActive(false);
                Book letters = ada.getBooks().get(0);
                letters.setInPrint(false);
                letters.setPrice(new BigDecimal("19.99"));
                ada.getBooks().remove(1); // orphan removal deletes "Notes"
            });
            sessions.inSession(session -> {
                Author ada = session.find(Author.class, authorId);
                assertFalse(ada.isActive());
                assertEquals(1, ada.getBooks().size());
                Book letters = ada.getBooks().get(0);
                assertFalse(letters.isInPrint());
                assertEquals(0, new BigDecimal("19.99").compareTo(letters.getPrice()));
                assertEquals(1L, session.createSelectionQuery("select count(b) from Book b", Long.class).getSingleResult());
            });

            sessions.inTransaction(session -> session.remove(session.find(Author.class, authorId)));
            sessions.inSession(session -> {
                assertNull(session.find(Author.class, authorId));
                assertEquals(0L, session.createSelectionQuery("select count(b) from Book b", Long.class).getSingleResult(),
                        "books cascade-deleted with their author");
            });
        }
    }

    @Test
    void jpqlPagesAndOrders() {
        try (SessionFactory sessions = sessionFactory("create")) {
            sessions.inTransaction(session -> {
                for (int a = 0; a < 3; a++) {
                    Author author = new Author("author" + a, LocalDate.of(1950 + a, 1, 1), a != 1);
                    for (int b = 0; b < 8; b++) {
                        int n = a * 8 + b;
                        Book book = author.write(new Book("title" + (char) ('a' + (n * 5) % 24), LocalDate.of(2000, 1, 1).plusDays(n * 13L),
                                new BigDecimal(n % 6).add(new BigDecimal("0.25")), Genre.values()[n % 3]));
                        book.setInPrint(n % 4 != 0);
                    }
                    session.persist(author);
                }
            });

            sessions.inSession(session -> {
                List<Book> all = session.createSelectionQuery("from Book", Book.class).getResultList();
                Comparator<Book> order = Comparator.comparing(Book::getPrice).reversed().thenComparing(Book::getTitle);
                List<String> expectedPage = all.stream().sorted(order).skip(10).limit(5).map(Book::getTitle).toList();

                List<String> page = session.createSelectionQuery(
                                "select b.title from Book b order by b.price desc, b.title", String.class)
                        .setFirstResult(10).setMaxResults(5).getResultList();
                assertEquals(expectedPage, page);

                List<Book> fetched = session.createSelectionQuery(
                                "select b from Book b join fetch b.author a where a.active = true and b.inPrint = :inPrint"
                                        + " and b.genre = :genre and b.published >= :from order by b.published", Book.class)
                        .setParameter("inPrint", true).setParameter("genre", Genre.FICTION)
                        .setParameter("from", LocalDate.of(2000, 3, 1))
                        .getResultList();
                List<String> expected = all.stream()
                        .filter(b -> b.getAuthor().isActive() && b.isInPrint() && b.getGenre() == Genre.FICTION
                                && !b.getPublished().isBefore(LocalDate.of(2000, 3, 1)))
                        .sorted(Comparator.comparing(Book::getPublished)).map(Book::getTitle).toList();
                assertEquals(expected, fetched.stream().map(Book::getTitle).toList());
                assertFalse(expected.isEmpty(), "the filter matches something");

                List<Object[]> perAuthor = session.createSelectionQuery(
                        "select a.name, count(b), sum(b.price) from Author a join a.books b group by a.name order by a.name", Object[].class)
                        .getResultList();
                assertEquals(List.of("author0", "author1", "author2"), perAuthor.stream().map(row -> (String) row[0]).toList());
                assertEquals(List.of(8L, 8L, 8L), perAuthor.stream().map(row -> (Long) row[1]).toList());
                BigDecimal total = perAuthor.stream().map(row -> new BigDecimal(row[2].toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal expectedTotal = all.stream().map(Book::getPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, expectedTotal.compareTo(total), () -> expectedTotal + " vs " + total);
            });
        }
    }

    @Test
    void lobByteArrayGoesThroughJdbcBlobs() throws Throwable {
        byte[] content = new byte[100_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        try (SessionFactory sessions = sessionFactory("create")) {
            long id = sessions.fromTransaction(session -> {
                Attachment attachment = new Attachment(content);
                session.persist(attachment);
                return attachment.getId();
            });
            ReferenceGap.check("ResultSet.getBlob is not implemented", () -> assertArrayEquals(content,
                    sessions.fromSession(session -> session.find(Attachment.class, id).getContent())));
        }
    }

    @Test
    void freshSessionFactoryValidatesTheCreatedSchema() {
        try (SessionFactory sessions = sessionFactory("create")) {
            sessions.inTransaction(session -> session.persist(new Author("kept", LocalDate.of(2001, 2, 3), true)));
        }
        // hbm2ddl=validate reads every table and column back through DatabaseMetaData. The stock
        // dialect trips over its own identity columns (see RowidAwareSQLiteDialect) and nothing else.
        SchemaManagementException stock = assertThrows(SchemaManagementException.class, () -> sessionFactory("validate").close());
        assertTrue(stock.getMessage().contains("column [id]") && stock.getMessage().contains("bigint"), stock.getMessage());

        try (SessionFactory validated = sessionFactory("validate", RowidAwareSQLiteDialect.class)) {
            List<String> names = validated.fromSession(session -> session.createSelectionQuery(
                    "select a.name from Author a", String.class).getResultList());
            assertEquals(List.of("kept"), names);
        }
    }

    private SessionFactory sessionFactory(String schemaAction) {
        return sessionFactory(schemaAction, SQLiteDialect.class);
    }

    private SessionFactory sessionFactory(String schemaAction, Class<? extends SQLiteDialect> dialect) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Author.class)
                .addAnnotatedClass(Book.class)
                .addAnnotatedClass(Attachment.class)
                .setProperty(AvailableSettings.DIALECT, dialect.getName())
                .setProperty(AvailableSettings.HBM2DDL_AUTO, schemaAction);
        configuration.getProperties().put(AvailableSettings.DATASOURCE, pool);
        return configuration.buildSessionFactory();
    }

}

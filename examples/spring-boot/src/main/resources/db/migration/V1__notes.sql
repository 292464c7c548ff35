-- Flyway runs this through the application's DataSource (HikariCP over jdbc:sqlink:).
create table note (
    id    integer primary key,
    title varchar(255) not null,
    done  boolean not null default false
);
create index note_open on note(done, id);

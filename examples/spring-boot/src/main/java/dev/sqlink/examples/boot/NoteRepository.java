package dev.sqlink.examples.boot;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NoteRepository extends JpaRepository<Note, Long> {
    List<Note> findByDoneFalseOrderByIdAsc();

    /** Uses the REGEXP operator of the regexp extension enabled in the datasource URL. */
    @Query(value = "select * from note where title regexp ?1 order by id", nativeQuery = true)
    List<Note> findByTitleMatching(String pattern);
}

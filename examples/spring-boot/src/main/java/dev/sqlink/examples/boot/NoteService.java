package dev.sqlink.examples.boot;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class NoteService {
    private final NoteRepository notes;

    public NoteService(NoteRepository notes) {
        this.notes = notes;
    }

    /** All or nothing: a blank title rolls back the notes saved before it. */
    @Transactional
    public List<Note> addAll(List<String> titles) {
        return titles.stream().map(title -> {
            if (title.isBlank()) {
                throw new IllegalArgumentException("a note needs a title");
            }
            return notes.save(new Note(title));
        }).toList();
    }

    @Transactional
    public void complete(long id) {
        notes.findById(id).orElseThrow().markDone();
    }

    @Transactional(readOnly = true)
    public List<Note> open() {
        return notes.findByDoneFalseOrderByIdAsc();
    }
}

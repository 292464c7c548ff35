package dev.sqlink.engine;

/**
 * The compiled SQLite engine itself could not be loaded (its module metadata or its generated
 * classes are missing, damaged or could not be read), so no database can be opened in this JVM
 * until the cause is fixed. The message names the step that failed; the cause says why.
 */
public class EngineLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}

package de.querfunk.search.query;

/** A query that cannot be parsed; {@code column} (from 1) is where the problem starts. */
public final class InvalidQueryException extends RuntimeException {

    private final int column;

    public InvalidQueryException(String reason, int column) {
        super(reason, null, false, false);
        this.column = column;
    }

    public int column() {
        return column;
    }

    /** What was wrong, where, in words for the problem's detail. */
    public String detail() {
        return getMessage() + " (at column " + column + ").";
    }
}

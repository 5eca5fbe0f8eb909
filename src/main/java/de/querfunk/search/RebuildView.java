package de.querfunk.search;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The search index's state for administrators: {@code ready}, {@code rebuilding} or
 * {@code unavailable}; during and after a rebuild its progress ({@code done} of {@code total}
 * documents), when it started and finished and why it ran; {@code position} is the last event the
 * index has applied.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildView(String state, long done, long total, Instant startedAt, Instant finishedAt, String reason,
        long position) {
}

package de.querfunk.chat;

import java.util.List;

/** A page of history, newest first; the flags say whether older or newer messages exist beyond it. */
public record HistoryView(List<MessageView> messages, boolean moreBefore, boolean moreAfter) {
}

package de.querfunk.platform.web;

import java.util.List;

/**
 * One page of a cursor-paged list. {@code nextCursor} is opaque and absent on the last page;
 * clients pass it back as {@code ?cursor=} unchanged.
 */
public record PageView<T>(List<T> items, String nextCursor) {
}

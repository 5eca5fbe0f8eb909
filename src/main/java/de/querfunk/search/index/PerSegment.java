package de.querfunk.search.index;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.IOFunction;

/**
 * Something computed once from a segment and kept until the segment closes, for work that every
 * query would otherwise repeat on segments that do not change. Deletions do not change a segment's
 * core, so what is kept must not depend on them.
 */
public final class PerSegment<T> {

    private final Map<IndexReader.CacheKey, T> values = new ConcurrentHashMap<>();
    private final IOFunction<LeafReader, T> compute;

    public PerSegment(IOFunction<LeafReader, T> compute) {
        this.compute = compute;
    }

    public T get(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return compute.apply(reader);
        }
        T value = values.get(helper.getKey());
        if (value == null) {
            value = compute.apply(reader);
            if (values.putIfAbsent(helper.getKey(), value) == null) {
                helper.addClosedListener(values::remove);
            }
        }
        return value;
    }
}

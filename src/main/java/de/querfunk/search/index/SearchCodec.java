package de.querfunk.search.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields in small blocks. A result page reads the stored fields
 * of its hits, which lie anywhere in the index; Lucene's default packs about 80 KiB of documents
 * together and decompresses about 8 KiB and a shared dictionary for each one read. Chunks of 4 KiB
 * of plain LZ4 cost a quarter of that per hit, for a somewhat larger index. Registered for Lucene's
 * codec lookup in {@code META-INF/services}, as segments name the codec that reads them.
 */
public final class SearchCodec extends FilterCodec {

    public static final String NAME = "Querfunk104";

    private final StoredFieldsFormat storedFields =
            new Lucene90CompressingStoredFieldsFormat("QuerfunkStoredFields", CompressionMode.FAST, 4 * 1024, 64, 10);

    public SearchCodec() {
        super(NAME, new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}

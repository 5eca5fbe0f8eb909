package de.querfunk.realtime;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.querfunk.platform.events.RecordedEvent;

/**
 * The socket's JSON frames. Events carry their cursor: a client that reconnects with the cursor
 * of the last event it handled receives exactly what it missed.
 */
final class Frames {

    private Frames() {
    }

    static String event(RecordedEvent e) {
        return "{\"type\":\"event\",\"cursor\":\"" + e.position() + "\",\"event\":\"" + e.type() + "\",\"data\":"
                + e.payload() + "}";
    }

    static String of(ObjectMapper json, String type, Map<String, ?> fields) {
        try {
            var node = json.createObjectNode().put("type", type);
            fields.forEach((k, v) -> node.set(k, json.valueToTree(v)));
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
